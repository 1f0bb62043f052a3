using AfterSales.Persistence;

namespace AfterSales.Scheduling;

/// <summary>What <see cref="DueBucketGrain{TEntry, TState}"/> needs of a bucket's stored state. Each scheduler keeps its own
/// state class (its storage name and alias are frozen); this only names the two members they share.</summary>
/// <typeparam name="TEntry">What the bucket holds until it is due.</typeparam>
internal interface IDueBucketState<TEntry> : IRowBackedState
    where TEntry : class
{
    /// <summary>True once the bucket's reminder is registered (before its first entry is stored).</summary>
    bool ReminderRegistered { get; set; }

    /// <summary>The entries not yet delivered, one row each.</summary>
    StateRows<TEntry> Entries { get; }
}
