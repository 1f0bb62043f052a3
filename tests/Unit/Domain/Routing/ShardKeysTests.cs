using AfterSales.Common;
using AfterSales.Domain.Routing;

namespace AfterSales.Tests.Unit.Domain.Routing;

public sealed class ShardKeysTests
{
    [Fact]
    public void ShardZeroKeepsTheDepartmentRegionKey()
    {
        Assert.Equal(GrainKeys.DepartmentRegion(Department.Maintenance, "east"), ShardKeys.Key(Department.Maintenance, "east", 0));
        Assert.Equal("maintenance/east#3", ShardKeys.Key(Department.Maintenance, "east", 3));
    }

    [Theory]
    [InlineData("maintenance/east", Department.Maintenance, "east", 0)]
    [InlineData("technical-support/north-west#15", Department.TechnicalSupport, "north-west", 15)]
    public void AShardKeyReadsBackToItsParts(string key, Department department, string region, int shard)
    {
        Assert.True(ShardKeys.TryParse(key, out var d, out var r, out var s));
        Assert.Equal((department, region, shard), (d, r, s));
        Assert.Equal(key, ShardKeys.Key(d, r, s));
    }

    [Theory]
    [InlineData("maintenance/east#0")]
    [InlineData("maintenance/east#01")]
    [InlineData("maintenance/east#")]
    [InlineData("maintenance/east#16")]
    [InlineData("maintenance/east#-1")]
    [InlineData("maintenance/#2")]
    [InlineData("plumbing/east")]
    [InlineData("maintenance")]
    public void MalformedShardKeysAreRefused(string key) =>
        Assert.False(ShardKeys.TryParse(key, out _, out _, out _));

    [Fact]
    public void TheStableHashIsFnv1aAndTheSameEveryTime()
    {
        // FNV-1a of the empty input is the offset basis; "a" is 0x61 0x00 in UTF-16LE.
        Assert.Equal(2166136261u, ShardKeys.StableHash(""));
        var expected = unchecked(((2166136261u ^ 0x61) * 16777619u ^ 0x00) * 16777619u);
        Assert.Equal(expected, ShardKeys.StableHash("a"));
        Assert.Equal(ShardKeys.StableHash("tech-42"), ShardKeys.StableHash(new string("tech-42".ToCharArray())));
    }

    [Fact]
    public void IdsSpreadOverEveryShard()
    {
        var counts = new int[4];
        for (var i = 0; i < 400; i++)
        {
            counts[ShardKeys.ShardOf($"C-2026-{i:D6}", 4)]++;
        }
        Assert.All(counts, count => Assert.InRange(count, 50, 150));
        Assert.Equal(0, ShardKeys.ShardOf("anything", 1));
    }

    [Fact]
    public void ARegionEntryWinsOverAnEveryRegionEntryAndTheRestHaveOneShard()
    {
        var counts = new ShardCounts([new ShardCount(Department.Maintenance, null, 2), new ShardCount(Department.Maintenance, "east", 4)]);

        Assert.Equal(4, counts.CountOf(Department.Maintenance, "east"));
        Assert.Equal(2, counts.CountOf(Department.Maintenance, "west"));
        Assert.Equal(1, counts.CountOf(Department.Installation, "east"));
        Assert.Equal(["maintenance/east", "maintenance/east#1", "maintenance/east#2", "maintenance/east#3"], counts.AllOf(Department.Maintenance, "east").ToArray());
        Assert.Equal(["installation/east"], counts.AllOf(Department.Installation, "east").ToArray());
        Assert.Equal("installation/east", counts.HomeOf(Department.Installation, "east", "tech-1"));
    }
}
