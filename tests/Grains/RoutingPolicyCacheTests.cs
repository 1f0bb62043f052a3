using System.Reflection;
using AfterSales.Domain.Routing;
using AfterSales.Hosting;
using AfterSales.Routing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace AfterSales.Tests.Grains;

/// <summary>The silo's copy of the routing policy, against a policy grain that answers before its caller awaits (as a
/// fast answer can look to a caller that was descheduled in between). No cluster needed.</summary>
public sealed class RoutingPolicyCacheTests
{
    [Fact]
    public async Task ARefreshAnsweredAtOnceIsNotHandedToLaterRefreshes()
    {
        var clock = new FakeTimeProvider();
        var grain = new PolicyGrainAnsweringAtOnce(RoutingPolicies.Default(clock.GetUtcNow()) with { Version = 1 });
        var cache = new RoutingPolicyCache(grain.Factory, Options.Create(new RoutingOptions()), clock, NullLogger<RoutingPolicyCache>.Instance);

        var first = await cache.RefreshAsync();
        grain.Policy = grain.Policy with { Version = 2 };
        var second = await cache.RefreshAsync();

        Assert.Equal((1, 2), (first.Version, second.Version));
        Assert.Equal(2, (await cache.GetAsync()).Version);
    }

    /// <summary>A grain factory whose only grain is a policy grain answering <see cref="IRoutingPolicyGrain.GetAsync"/>
    /// with a completed task.</summary>
    private sealed class PolicyGrainAnsweringAtOnce
    {
        public PolicyGrainAnsweringAtOnce(RoutingPolicy policy)
        {
            Policy = policy;
            var grain = Stub.Create<IRoutingPolicyGrain>(method => method.Name == nameof(IRoutingPolicyGrain.GetAsync)
                ? Task.FromResult(Policy)
                : throw new NotSupportedException(method.Name));
            Factory = Stub.Create<IGrainFactory>(method => method.Name == nameof(IGrainFactory.GetGrain)
                && method.ReturnType == typeof(IRoutingPolicyGrain)
                ? grain
                : throw new NotSupportedException(method.Name));
        }

        public RoutingPolicy Policy { get; set; }

        public IGrainFactory Factory { get; }
    }

    /// <summary>An interface implemented by one function of the method called.</summary>
    public class Stub : DispatchProxy
    {
        private Func<MethodInfo, object?> _answer = _ => null;

        public static T Create<T>(Func<MethodInfo, object?> answer)
            where T : class
        {
            var stub = DispatchProxy.Create<T, Stub>();
            ((Stub)(object)stub)._answer = answer;
            return stub;
        }

        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args) => _answer(targetMethod!);
    }
}
