using System.Globalization;
using CryptoOrchestrator.Engine.Configuration;
using CryptoOrchestrator.Sdk.Plugins;
using FsCheck;
using FsCheck.Fluent;

namespace CryptoOrchestrator.Engine.Tests.Configuration;

public sealed class ParameterSetTests
{
    private static readonly PluginMetadata Metadata = new()
    {
        Id = "test-strategy",
        Version = "1.0.0",
        Kind = PluginKind.Strategy,
        SdkVersionRange = "[0.1.0, 1.0.0)",
        Parameters =
        [
            ParameterDefinition.Integer("fast", 10, minimum: 1, maximum: 500),
            ParameterDefinition.Decimal("stop", 0.02m, minimum: 0m, maximum: 1m),
            ParameterDefinition.Double("threshold", 1.5),
            ParameterDefinition.Boolean("allow-short", true),
            ParameterDefinition.Text("label", "base"),
        ],
    };

    [Fact]
    public void Defaults_AreTheDeclaredDefaults_WhenNothingIsSupplied()
    {
        var set = ParameterSet.Defaults(Metadata);

        Assert.Equal(10, set.GetInt32("fast"));
        Assert.Equal(0.02m, set.GetDecimal("stop"));
        Assert.Equal(1.5, set.GetDouble("threshold"));
        Assert.True(set.GetBoolean("allow-short"));
        Assert.Equal("base", set.GetText("label"));
    }

    [Fact]
    public void Assignments_AreParsedIntoEachType_AndTheRestKeepDefaults()
    {
        var set = new ParameterSet(Metadata, ["fast=7", "stop=0.00000001", "threshold=-2.5e-3", "label=a=b"]);

        Assert.Equal(7, set.GetInt32("fast"));
        Assert.Equal(0.00000001m, set.GetDecimal("stop"));
        Assert.Equal(-0.0025, set.GetDouble("threshold"));
        Assert.True(set.GetBoolean("allow-short"));
        Assert.Equal("a=b", set.GetText("label"));
    }

    [Theory]
    [InlineData("false", false)]
    [InlineData("True", true)]
    public void BooleanValues_AreParsedIgnoringCase(string text, bool expected)
    {
        var set = new ParameterSet(Metadata, [$"allow-short={text}"]);

        Assert.Equal(expected, set.GetBoolean("allow-short"));
    }

    [Fact]
    public void DictionaryValues_AreParsedLikeAssignments()
    {
        var set = new ParameterSet(Metadata, new Dictionary<string, string> { ["fast"] = "3", ["allow-short"] = "false" });

        Assert.Equal(3, set.GetInt32("fast"));
        Assert.False(set.GetBoolean("allow-short"));
        Assert.Equal(0.02m, set.GetDecimal("stop"));
    }

    [Fact]
    public void Values_AreParsedInvariantly_WhateverTheCurrentCulture()
    {
        var previous = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
        try
        {
            var set = new ParameterSet(Metadata, ["stop=0.5", "threshold=0.25"]);

            Assert.Equal(0.5m, set.GetDecimal("stop"));
            Assert.Equal("0.5", Effective(set, "stop"));
            Assert.Equal("0.25", Effective(set, "threshold"));
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Theory]
    [InlineData("fast=0", "fast", "below the minimum 1")]
    [InlineData("fast=501", "fast", "above the maximum 500")]
    [InlineData("stop=1.01", "stop", "above the maximum 1")]
    [InlineData("fast=ten", "fast", "not a valid integer")]
    [InlineData("fast=2.5", "fast", "not a valid integer")]
    [InlineData("threshold=NaN", "threshold", "not a valid double")]
    [InlineData("allow-short=yes", "allow-short", "not a valid boolean")]
    [InlineData("stop=1e40", "stop", "not a valid decimal")]
    public void InvalidValue_Throws_NamingPluginParameterAndProblem(string assignment, string parameter, string problem)
    {
        var error = Assert.Throws<PluginConfigurationException>(() => new ParameterSet(Metadata, [assignment]));

        Assert.Equal("test-strategy", error.PluginId);
        Assert.Equal(parameter, error.ParameterName);
        Assert.Contains("test-strategy", error.Message, StringComparison.Ordinal);
        Assert.Contains($"'{parameter}'", error.Message, StringComparison.Ordinal);
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownName_Throws_ListingTheDeclaredNames()
    {
        var error = Assert.Throws<PluginConfigurationException>(() => new ParameterSet(Metadata, ["fats=3"]));

        Assert.Equal("fats", error.ParameterName);
        Assert.Contains("'fats'", error.Message, StringComparison.Ordinal);
        Assert.Contains("fast, stop, threshold, allow-short, label", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownNameInDictionary_Throws_NamingIt()
    {
        var error = Assert.Throws<PluginConfigurationException>(
            () => new ParameterSet(Metadata, new Dictionary<string, string> { ["Fast"] = "3" }));

        Assert.Equal("Fast", error.ParameterName);
    }

    [Fact]
    public void DuplicateName_Throws_EvenWhenBothValuesAgree()
    {
        var error = Assert.Throws<PluginConfigurationException>(() => new ParameterSet(Metadata, ["fast=3", " fast=3"]));

        Assert.Equal("fast", error.ParameterName);
        Assert.Contains("more than once", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("fast")]
    [InlineData("=3")]
    [InlineData(" =3")]
    [InlineData("")]
    public void MalformedAssignment_Throws_QuotingIt(string assignment)
    {
        var error = Assert.Throws<PluginConfigurationException>(() => new ParameterSet(Metadata, [assignment]));

        Assert.Equal("test-strategy", error.PluginId);
        Assert.Contains($"'{assignment}'", error.Message, StringComparison.Ordinal);
        Assert.Contains("name=value", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingDictionaryValue_Throws_NamingTheParameter()
    {
        var values = new Dictionary<string, string> { ["label"] = null! };

        var error = Assert.Throws<PluginConfigurationException>(() => new ParameterSet(Metadata, values));

        Assert.Equal("label", error.ParameterName);
    }

    [Fact]
    public void EmptyText_IsAValidTextValue()
    {
        var set = new ParameterSet(Metadata, ["label="]);

        Assert.Equal("", set.GetText("label"));
    }

    [Fact]
    public void MetadataDeclaringANameTwice_Throws_NamingIt()
    {
        var metadata = Metadata with { Parameters = [ParameterDefinition.Integer("n", 1), ParameterDefinition.Double("n", 1)] };

        var error = Assert.Throws<PluginConfigurationException>(() => ParameterSet.Defaults(metadata));

        Assert.Equal("n", error.ParameterName);
    }

    [Fact]
    public void GetterOfTheWrongType_Throws_NamingParameterAndBothTypes()
    {
        var set = ParameterSet.Defaults(Metadata);

        var error = Assert.Throws<PluginConfigurationException>(() => set.GetDouble("fast"));

        Assert.Equal("fast", error.ParameterName);
        Assert.Contains("declared integer", error.Message, StringComparison.Ordinal);
        Assert.Contains("read as double", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GetterOfAnUndeclaredName_Throws_NamingIt()
    {
        var set = ParameterSet.Defaults(Metadata);

        var error = Assert.Throws<PluginConfigurationException>(() => set.GetInt32("slow"));

        Assert.Equal("slow", error.ParameterName);
        Assert.Contains("test-strategy", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EffectiveValues_ListEveryDeclaredParameter_InDeclarationOrder_AsInvariantText()
    {
        var set = new ParameterSet(Metadata, ["label=x y", "fast=42", "allow-short=False"]);

        Assert.Equal(
            [
                KeyValuePair.Create("fast", "42"),
                KeyValuePair.Create("stop", "0.02"),
                KeyValuePair.Create("threshold", "1.5"),
                KeyValuePair.Create("allow-short", "false"),
                KeyValuePair.Create("label", "x y"),
            ],
            set.EffectiveValues);
    }

    [Fact]
    public void EffectiveValues_ParseBackToTheSameValues()
    {
        Prop.ForAll<int, decimal, NormalFloat>((integer, number, real) =>
            {
                var metadata = Metadata with
                {
                    Parameters =
                    [
                        ParameterDefinition.Integer("i", 0),
                        ParameterDefinition.Decimal("m", 0m),
                        ParameterDefinition.Double("d", 0),
                    ],
                };
                var first = new ParameterSet(metadata, [$"i={integer.ToString(CultureInfo.InvariantCulture)}", $"m={number.ToString(CultureInfo.InvariantCulture)}", $"d={real.Get.ToString("R", CultureInfo.InvariantCulture)}"]);
                var second = new ParameterSet(metadata, first.EffectiveValues.ToDictionary());
                return second.GetInt32("i") == integer
                    && second.GetDecimal("m") == number
                    && second.GetDouble("d").Equals(real.Get);
            })
            .QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Getters_AllocateNothing()
    {
        var set = new ParameterSet(Metadata, ["fast=12"]);
        var checksum = ReadAll(set);

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 100_000; i++)
        {
            checksum += ReadAll(set);
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
        Assert.True(checksum > 0);
    }

    private static double ReadAll(ParameterSet set) =>
        set.GetInt32("fast") + (double)set.GetDecimal("stop") + set.GetDouble("threshold")
        + (set.GetBoolean("allow-short") ? 1 : 0) + set.GetText("label").Length;

    private static string Effective(ParameterSet set, string name) => set.EffectiveValues.Single(pair => pair.Key == name).Value;
}
