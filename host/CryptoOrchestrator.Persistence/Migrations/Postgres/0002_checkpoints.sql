-- The latest checkpoint of each running bot: how far its pipeline got (the time of the last step it fully
-- processed), the ids its run continues after, and its cash and equity there. Restoring a bot replays its feed up
-- to progress_ms and checks that it arrives at exactly this.
CREATE TABLE bot_checkpoints (
    bot_id               TEXT    NOT NULL PRIMARY KEY REFERENCES bots (id) ON DELETE CASCADE,
    id_base              BIGINT  NOT NULL,
    progress_ms          BIGINT  NOT NULL,
    steps                BIGINT  NOT NULL,
    last_client_order_id BIGINT  NOT NULL,
    cash                 NUMERIC NOT NULL,
    equity               NUMERIC NOT NULL,
    committed_ms         BIGINT  NOT NULL
);
