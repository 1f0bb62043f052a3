using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace AfterSales.Cti;

/// <summary>The keys of the CTI grains, built in one place.</summary>
public static class CtiKeys
{
    /// <summary>How many shards a day of the call log has.</summary>
    public const int LogShards = 8;

    /// <summary>The call grain's key: <c>call-</c> and the first 32 hex digits of the SHA-256 of the PBX's call id, so
    /// whatever the PBX puts in a call id (a number, even) never becomes a key as it is.</summary>
    public static string Call(string callId) =>
        "call-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(callId)))[..32];

    /// <summary>The log shard of a call that started on <paramref name="day"/>, e.g. <c>2026-12-01/3</c>.</summary>
    public static string LogShard(DateOnly day, string callId) =>
        LogShard(day, (int)(BitConverter.ToUInt32(SHA256.HashData(Encoding.UTF8.GetBytes(callId)), 0) % LogShards));

    /// <summary>The key of shard <paramref name="shard"/> of <paramref name="day"/>.</summary>
    public static string LogShard(DateOnly day, int shard) =>
        string.Create(CultureInfo.InvariantCulture, $"{day:yyyy-MM-dd}/{shard}");
}
