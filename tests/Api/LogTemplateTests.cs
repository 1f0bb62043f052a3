using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;

namespace AfterSales.Tests.Api;

/// <summary>Log messages name things by id only: no template and no logged parameter of the project may carry a
/// person's name, phone number, e-mail or postal address, or who acted (an actor may be an e-mail address).</summary>
public sealed partial class LogTemplateTests
{
    private static readonly Assembly[] Assemblies =
    [
        typeof(AfterSales.Api.Hosting.ApiOptions).Assembly,
        typeof(AfterSales.Silo.Hosting.HostingOptions).Assembly,
        typeof(AfterSales.Hosting.AfterSalesOptions).Assembly,
    ];

    /// <summary>Placeholders called <c>Name</c> that name configuration, not people: a storage provider's name.</summary>
    private static readonly HashSet<string> ConfigurationNames = new(StringComparer.Ordinal)
    {
        "AfterSales.Silo.Storage.RowBackedGrainStorage",
        "AfterSales.Silo.Storage.SqliteGrainStorage",
    };

    public static TheoryData<string> LoggerMethods()
    {
        var data = new TheoryData<string>();
        foreach (var name in Templates().Select(t => $"{t.Method.DeclaringType!.FullName}.{t.Method.Name}").Distinct())
        {
            data.Add(name);
        }
        return data;
    }

    [Fact]
    public void TheSiloAndGrainAssembliesHaveLogTemplatesToCheck()
    {
        var perAssembly = Templates().GroupBy(t => t.Method.DeclaringType!.Assembly).ToDictionary(g => g.Key, g => g.Count());

        Assert.All(Assemblies[1..], assembly => Assert.True(perAssembly.GetValueOrDefault(assembly) > 10, $"{assembly.GetName().Name} has no [LoggerMessage]"));
    }

    [Theory]
    [MemberData(nameof(LoggerMethods))]
    public void ALogTemplateNamesNoPersonalField(string method)
    {
        foreach (var (logger, template) in Templates().Where(t => $"{t.Method.DeclaringType!.FullName}.{t.Method.Name}" == method))
        {
            var fields = Placeholder().Matches(template).Select(m => m.Groups[1].Value)
                .Concat(logger.GetParameters().Where(p => p.ParameterType != typeof(ILogger) && !typeof(Exception).IsAssignableFrom(p.ParameterType)).Select(p => p.Name!));
            // A parameter classified as personal data (Microsoft.Extensions.Compliance) is redacted before any provider
            // sees it (docs/PRIVACY.md), so it may be logged.
            var classified = logger.GetParameters()
                .Where(p => p.GetCustomAttributes(typeof(Microsoft.Extensions.Compliance.Classification.DataClassificationAttribute), true).Length > 0)
                .Select(p => p.Name!).ToHashSet(StringComparer.OrdinalIgnoreCase);
            foreach (var field in fields.Where(f => !classified.Contains(f)))
            {
                Assert.False(Personal().IsMatch(field), $"{method} logs '{field}': log ids, not personal data ({template})");
                Assert.False(string.Equals(field, "name", StringComparison.OrdinalIgnoreCase) && !ConfigurationNames.Contains(logger.DeclaringType!.FullName!),
                    $"{method} logs a bare '{field}': say whose (a provider's, a model's) or log the id ({template})");
            }
        }
    }

    [Fact]
    public void TheCheckRecognisesPersonalFields()
    {
        Assert.All(["CustomerName", "Phone", "phones", "Email", "EMail", "e_mail", "Address", "ContactName", "Actor", "CallerNumber"],
            field => Assert.Matches(Personal(), field));
        Assert.All(["CustomerId", "CaseNumber", "TechnicianId", "Serial", "Region", "DepartmentRegion"],
            field => Assert.DoesNotMatch(Personal(), field));
    }

    private static IEnumerable<(MethodInfo Method, string Template)> Templates() =>
        from assembly in Assemblies
        from type in assembly.GetTypes()
        from method in type.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.Instance | BindingFlags.DeclaredOnly)
        let attribute = method.GetCustomAttribute<LoggerMessageAttribute>()
        where attribute is not null
        select (method, attribute.Message);

    [GeneratedRegex(@"\{@?([A-Za-z0-9_]+)[^}]*\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex("phone|e_?-?mail|address|contact|caller|actor|first_?name|last_?name|full_?name|surname|display_?name|customer_?name|password|birth",
        RegexOptions.IgnoreCase)]
    private static partial Regex Personal();
}
