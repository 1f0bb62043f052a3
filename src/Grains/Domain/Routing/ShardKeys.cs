using System.Globalization;
using AfterSales.Common;

namespace AfterSales.Domain.Routing;

/// <summary>
/// The one place department shard keys are built and read. Shard 0 keeps the department-region key
/// (<c>maintenance/east</c>), so an unsharded department has exactly the keys it always had; shard n ≥ 1 is
/// <c>maintenance/east#n</c>.
/// </summary>
internal static class ShardKeys
{
    /// <summary>Most shards one department-region may have.</summary>
    public const int MaxShards = 16;

    private const char Separator = '#';

    /// <summary>Grain key of shard <paramref name="shard"/> of a department-region.</summary>
    public static string Key(Department department, string region, int shard)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(shard);
        var key = GrainKeys.DepartmentRegion(department, region);
        return shard == 0 ? key : string.Create(CultureInfo.InvariantCulture, $"{key}{Separator}{shard}");
    }

    /// <summary>Reads a key made by <see cref="Key"/>; false for anything else (including <c>#0</c>, which is not
    /// how shard 0 is spelled, so each shard has one key only).</summary>
    public static bool TryParse(string key, out Department department, out string region, out int shard)
    {
        department = default;
        region = "";
        shard = 0;
        var slash = key.IndexOf('/', StringComparison.Ordinal);
        if (slash <= 0 || !DepartmentNames.TryParse(key[..slash], out department))
        {
            return false;
        }
        var rest = key[(slash + 1)..];
        var hash = rest.IndexOf(Separator, StringComparison.Ordinal);
        if (hash >= 0)
        {
            var digits = rest[(hash + 1)..];
            if (digits.Length == 0 || digits[0] == '0' || !digits.All(char.IsAsciiDigit)
                || !int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out shard) || shard >= MaxShards)
            {
                return false;
            }
            rest = rest[..hash];
        }
        region = rest;
        return region.Length > 0;
    }

    /// <summary>The shard of <paramref name="id"/> (a technician id or a case number) among <paramref name="count"/>.</summary>
    public static int ShardOf(string id, int count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        return count == 1 ? 0 : (int)(StableHash(id) % (uint)count);
    }

    /// <summary>32-bit FNV-1a over the UTF-16 code units (low byte, then high byte): the same value in every process,
    /// unlike <see cref="string.GetHashCode()"/>, which is randomised per process.</summary>
    public static uint StableHash(string value)
    {
        const uint offsetBasis = 2166136261;
        const uint prime = 16777619;
        var hash = offsetBasis;
        foreach (var c in value)
        {
            hash = unchecked((hash ^ (byte)c) * prime);
            hash = unchecked((hash ^ (byte)(c >> 8)) * prime);
        }
        return hash;
    }
}
