using System.Text;
using CryptoOrchestrator.Engine.MarketData;
using FsCheck;
using FsCheck.Fluent;

namespace CryptoOrchestrator.Engine.Tests.MarketData;

public sealed class CsvFieldsTests
{
    [Fact]
    public void Split_FindsTheSameFieldsAsStringSplit_ForAnyLine()
    {
        var lines = Gen.Elements(',', 'a', '7', '.').ArrayOf().Select(chars => new string(chars)).ToArbitrary();
        Prop.ForAll(lines, line =>
        {
            var bytes = Encoding.ASCII.GetBytes(line);
            var expected = line.Split(',');
            Span<int> ends = stackalloc int[expected.Length];

            var count = CsvFields.Split(bytes, ends);

            Assert.Equal(expected.Length, count);
            for (var i = 0; i < count; i++)
            {
                Assert.Equal(expected[i], Encoding.ASCII.GetString(CsvFields.Field(bytes, ends, i)));
            }
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Split_CountsFieldsBeyondTheSlotsItWasGiven()
    {
        Span<int> ends = stackalloc int[2];

        var count = CsvFields.Split("a,b,c,d,e,f,g,h,i,j,k,l,m,n,o,p,q,r"u8, ends);

        Assert.Equal(18, count);
        Assert.Equal([1, 3], ends.ToArray());
    }

    [Theory]
    [InlineData("  42 ", "42")]
    [InlineData("\"42\"", "42")]
    [InlineData("\" 4 2 \"", "4 2")]
    [InlineData("42", "42")]
    [InlineData("\"", "\"")]
    public void Clean_DropsBlanksAndOnePairOfQuotes(string field, string expected)
    {
        Assert.Equal(expected, Encoding.ASCII.GetString(CsvFields.Clean(Encoding.ASCII.GetBytes(field))));
    }
}
