namespace AfterSales.Tests.Grains.Infrastructure;

/// <summary>Loses the incoming calls <see cref="MessageDrops"/> was armed for; every other call goes through.</summary>
internal sealed class MessageDropFilter(MessageDrops drops) : IIncomingGrainCallFilter
{
    public Task Invoke(IIncomingGrainCallContext context) =>
        context.InterfaceMethod is { } method && drops.TryTake(context.TargetId.Key.ToString()!, method.Name)
            ? Task.CompletedTask
            : context.Invoke();
}
