// The fault tests start several processes each: run them one after the other, not beside each other.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
