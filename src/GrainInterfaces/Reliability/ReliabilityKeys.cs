namespace AfterSales.Reliability;

/// <summary>Keys of the reliability grains.</summary>
public static class ReliabilityKeys
{
    /// <summary>How many shards hold a model's figures (devices spread over them by serial). Fixed: changing it would
    /// strand the facts already held.</summary>
    public const int Shards = 8;

    /// <summary>Key of one shard of a model's figures, e.g. <c>HX-200/3</c> (a model code contains no slash).</summary>
    public static string Shard(string model, int shard) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{model}/{shard}");
}
