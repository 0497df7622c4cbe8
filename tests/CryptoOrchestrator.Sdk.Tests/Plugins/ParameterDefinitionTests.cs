using System.Globalization;
using CryptoOrchestrator.Sdk.Plugins;

namespace CryptoOrchestrator.Sdk.Tests.Plugins;

public class ParameterDefinitionTests
{
    private static readonly ParameterDefinition Fast = ParameterDefinition.Integer("fast", 10, minimum: 1, maximum: 500, step: 1);
    private static readonly ParameterDefinition Fraction = ParameterDefinition.Decimal("risk-fraction", 0.02m, minimum: 0m, maximum: 1m);
    private static readonly ParameterDefinition Threshold = ParameterDefinition.Double("threshold", 1.0, minimum: -5.0, maximum: 5.0);
    private static readonly ParameterDefinition Unbounded = ParameterDefinition.Double("scale", 1.0);
    private static readonly ParameterDefinition AllowShort = ParameterDefinition.Boolean("allow-short", true);
    private static readonly ParameterDefinition Label = ParameterDefinition.Text("label", "none");

    [Fact]
    public void Parse_ReturnsTheDeclaredClrType()
    {
        Assert.Equal(42, Assert.IsType<int>(Fast.Parse(" 42 ")));
        Assert.Equal(0.015m, Assert.IsType<decimal>(Fraction.Parse("0.015")));
        Assert.Equal(-2.5, Assert.IsType<double>(Threshold.Parse("-2.5")));
        Assert.Equal(1e300, Assert.IsType<double>(Unbounded.Parse("1e300")));
        Assert.False(Assert.IsType<bool>(AllowShort.Parse("False")));
        Assert.Equal("momentum v2", Assert.IsType<string>(Label.Parse("momentum v2")));
    }

    [Fact]
    public void Parse_IsInvariant_WhateverTheCurrentCulture()
    {
        var original = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
            Assert.Equal(1.5, Threshold.Parse("1.5"));
            Assert.Equal(0.5m, Fraction.Parse("0.5"));
        }
        finally
        {
            CultureInfo.CurrentCulture = original;
        }
    }

    public static TheoryData<string, string> NotOfTheType => new()
    {
        { "fast", "4.2" },
        { "fast", "ten" },
        { "fast", "2147483648" },
        { "fast", "" },
        { "risk-fraction", "abc" },
        { "risk-fraction", "0,5" },
        { "threshold", "NaN" },
        { "threshold", "Infinity" },
        { "threshold", "1.5.1" },
        { "allow-short", "yes" },
        { "allow-short", "1" },
    };

    [Theory]
    [MemberData(nameof(NotOfTheType))]
    public void Parse_RefusesTextNotOfTheType_NamingTheParameter(string parameter, string text)
    {
        var error = Assert.Throws<FormatException>(() => Definition(parameter).Parse(text));
        Assert.Contains($"'{parameter}'", error.Message, StringComparison.Ordinal);
        Assert.Contains($"'{text}'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("fast", "0", "below the minimum 1")]
    [InlineData("fast", "501", "above the maximum 500")]
    [InlineData("risk-fraction", "-0.01", "below the minimum 0")]
    [InlineData("risk-fraction", "1.0001", "above the maximum 1")]
    [InlineData("threshold", "-5.5", "below the minimum -5")]
    [InlineData("threshold", "1e300", "above the maximum 5")]
    [InlineData("threshold", "-1e300", "below the minimum -5")]
    public void Parse_RefusesValuesOutsideTheRange_NamingTheParameterAndTheBound(string parameter, string text, string problem)
    {
        var error = Assert.Throws<FormatException>(() => Definition(parameter).Parse(text));
        Assert.Contains($"'{parameter}'", error.Message, StringComparison.Ordinal);
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1", "500")]
    [InlineData("500", "500")]
    public void Parse_AcceptsTheBoundsThemselves(string low, string high)
    {
        Assert.Equal(int.Parse(low, CultureInfo.InvariantCulture), Fast.Parse(low));
        Assert.Equal(int.Parse(high, CultureInfo.InvariantCulture), Fast.Parse(high));
    }

    [Fact]
    public void Parse_RefusesNull() => Assert.Throws<ArgumentNullException>(() => Fast.Parse(null!));

    [Fact]
    public void Definition_RefusesAMinimumAboveTheMaximum() =>
        Assert.Contains("'slow'", Assert.Throws<ArgumentException>(() => ParameterDefinition.Integer("slow", 5, minimum: 10, maximum: 1)).Message, StringComparison.Ordinal);

    [Fact]
    public void Definition_RefusesANonPositiveStep() =>
        Assert.Contains("step", Assert.Throws<ArgumentException>(() => ParameterDefinition.Decimal("size", 1m, step: 0m)).Message, StringComparison.Ordinal);

    [Fact]
    public void Definition_RefusesADefaultOutsideTheRange()
    {
        var error = Assert.Throws<ArgumentException>(() => ParameterDefinition.Integer("slow", 0, minimum: 1));
        Assert.Contains("'slow'", error.Message, StringComparison.Ordinal);
        Assert.Contains("default", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Definition_RefusesABlankName() => Assert.Throws<ArgumentException>(() => ParameterDefinition.Boolean(" ", true));

    private static ParameterDefinition Definition(string name) =>
        new[] { Fast, Fraction, Threshold, Unbounded, AllowShort, Label }.Single(d => d.Name == name);
}
