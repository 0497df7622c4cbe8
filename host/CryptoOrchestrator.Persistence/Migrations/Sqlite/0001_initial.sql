-- The first schema. Money and quantities are TEXT holding the invariant-culture decimal (exact; SQLite's
-- NUMERIC or REAL would round them through a double). Times are Unix milliseconds. Enums are stored by name.
-- Everything a bot produces refers to the bot and goes with it when it is deleted.

CREATE TABLE bots (
    id                 TEXT    NOT NULL PRIMARY KEY,
    name               TEXT    NOT NULL,
    configuration_json TEXT    NOT NULL,
    status             TEXT    NOT NULL,
    created_ms         INTEGER NOT NULL,
    updated_ms         INTEGER NOT NULL
);

CREATE TABLE orders (
    bot_id          TEXT    NOT NULL REFERENCES bots (id) ON DELETE CASCADE,
    client_order_id INTEGER NOT NULL,
    owner_id        TEXT    NOT NULL,
    symbol          TEXT    NOT NULL,
    side            TEXT    NOT NULL,
    type            TEXT    NOT NULL,
    quantity        TEXT    NOT NULL,
    limit_price     TEXT,
    stop_price      TEXT,
    time_in_force   TEXT    NOT NULL,
    reduce_only     INTEGER NOT NULL,
    status          TEXT    NOT NULL,
    filled_quantity TEXT    NOT NULL,
    filled_notional TEXT    NOT NULL,
    reason          TEXT,
    last_sequence   INTEGER NOT NULL,
    created_ms      INTEGER NOT NULL,
    updated_ms      INTEGER NOT NULL,
    PRIMARY KEY (bot_id, client_order_id)
);

-- A restarting host asks for open orders first; most orders are final, so index only the open ones.
CREATE INDEX orders_open ON orders (bot_id, client_order_id) WHERE status IN ('New', 'Accepted', 'PartiallyFilled');

CREATE TABLE order_transitions (
    bot_id          TEXT    NOT NULL,
    client_order_id INTEGER NOT NULL,
    sequence        INTEGER NOT NULL,
    status          TEXT    NOT NULL,
    filled_quantity TEXT    NOT NULL,
    filled_notional TEXT    NOT NULL,
    reason          TEXT,
    time_ms         INTEGER NOT NULL,
    PRIMARY KEY (bot_id, client_order_id, sequence),
    FOREIGN KEY (bot_id, client_order_id) REFERENCES orders (bot_id, client_order_id) ON DELETE CASCADE
);

CREATE TABLE fills (
    bot_id          TEXT    NOT NULL,
    client_order_id INTEGER NOT NULL,
    fill_sequence   INTEGER NOT NULL,
    symbol          TEXT    NOT NULL,
    side            TEXT    NOT NULL,
    price           TEXT    NOT NULL,
    quantity        TEXT    NOT NULL,
    fee             TEXT    NOT NULL,
    fee_asset       TEXT    NOT NULL,
    liquidity       TEXT    NOT NULL,
    time_ms         INTEGER NOT NULL,
    PRIMARY KEY (bot_id, client_order_id, fill_sequence),
    FOREIGN KEY (bot_id, client_order_id) REFERENCES orders (bot_id, client_order_id) ON DELETE CASCADE
);

CREATE INDEX fills_by_time ON fills (bot_id, time_ms);

CREATE TABLE positions (
    bot_id        TEXT    NOT NULL REFERENCES bots (id) ON DELETE CASCADE,
    symbol        TEXT    NOT NULL,
    quantity      TEXT    NOT NULL,
    average_price TEXT    NOT NULL,
    realized_pnl  TEXT    NOT NULL,
    updated_ms    INTEGER NOT NULL,
    PRIMARY KEY (bot_id, symbol)
);

CREATE TABLE equity_snapshots (
    bot_id  TEXT    NOT NULL REFERENCES bots (id) ON DELETE CASCADE,
    time_ms INTEGER NOT NULL,
    cash    TEXT    NOT NULL,
    equity  TEXT    NOT NULL,
    PRIMARY KEY (bot_id, time_ms)
);

CREATE TABLE plugin_state (
    bot_id        TEXT    NOT NULL REFERENCES bots (id) ON DELETE CASCADE,
    plugin_id     TEXT    NOT NULL,
    state_version INTEGER NOT NULL,
    payload       BLOB    NOT NULL,
    time_ms       INTEGER NOT NULL,
    PRIMARY KEY (bot_id, plugin_id)
);

-- normalized_user_name is the name in upper case (invariant), so "Alice" and "alice" cannot both exist
-- and both databases agree on what counts as the same name.
CREATE TABLE users (
    id                   TEXT    NOT NULL PRIMARY KEY,
    user_name            TEXT    NOT NULL,
    normalized_user_name TEXT    NOT NULL UNIQUE,
    password_hash        TEXT    NOT NULL,
    role                 TEXT    NOT NULL,
    created_ms           INTEGER NOT NULL,
    disabled             INTEGER NOT NULL
);

CREATE TABLE api_keys (
    id         TEXT    NOT NULL PRIMARY KEY,
    user_id    TEXT    NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    name       TEXT    NOT NULL,
    prefix     TEXT    NOT NULL UNIQUE,
    key_hash   TEXT    NOT NULL,
    role       TEXT    NOT NULL,
    created_ms INTEGER NOT NULL,
    revoked_ms INTEGER
);

CREATE INDEX api_keys_by_user ON api_keys (user_id);

CREATE TABLE exchange_accounts (
    id               TEXT    NOT NULL PRIMARY KEY,
    name             TEXT    NOT NULL UNIQUE,
    exchange         TEXT    NOT NULL,
    api_key          TEXT    NOT NULL,
    encrypted_secret BLOB    NOT NULL,
    created_ms       INTEGER NOT NULL
);

CREATE TABLE audit_log (
    sequence     INTEGER NOT NULL PRIMARY KEY,
    time_ms      INTEGER NOT NULL,
    actor        TEXT    NOT NULL,
    action       TEXT    NOT NULL,
    target       TEXT    NOT NULL,
    details_json TEXT    NOT NULL
);

CREATE TABLE bot_events (
    bot_id       TEXT    NOT NULL REFERENCES bots (id) ON DELETE CASCADE,
    sequence     INTEGER NOT NULL,
    type         TEXT    NOT NULL,
    time_ms      INTEGER NOT NULL,
    payload_json TEXT    NOT NULL,
    PRIMARY KEY (bot_id, sequence)
);

-- Gapless numbers for the audit log ("audit") and each bot's events ("bot-events/<bot id>").
CREATE TABLE sequence_counters (
    name       TEXT    NOT NULL PRIMARY KEY,
    last_value INTEGER NOT NULL
);
