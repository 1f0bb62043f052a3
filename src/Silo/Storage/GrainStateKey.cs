namespace AfterSales.Silo.Storage;

/// <summary>The identity of one stored grain state: unique in the <c>grain_state</c> table.</summary>
internal readonly record struct GrainStateKey(string ServiceId, string GrainType, string GrainKey, string StateName)
{
    public override string ToString() => $"{GrainType}/{GrainKey}#{StateName}";
}
