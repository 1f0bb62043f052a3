using YamlDotNet.RepresentationModel;

namespace AfterSales.Tests.Deploy.Infrastructure;

/// <summary>Reads the deployment YAML (every document of a file) and walks it by keys, with YAML merge keys
/// (<c>&lt;&lt;: *anchor</c>) applied as Compose applies them.</summary>
public static class Yaml
{
    public static IReadOnlyList<YamlMappingNode> Documents(string path)
    {
        var stream = new YamlStream();
        using (var reader = new StreamReader(path))
        {
            stream.Load(reader);
        }
        return [.. stream.Documents.Select(document => (YamlMappingNode)document.RootNode)];
    }

    /// <summary>The mapping's entries, those of a merge key first and overridden by the mapping's own.</summary>
    public static IReadOnlyDictionary<string, YamlNode> Entries(this YamlMappingNode mapping)
    {
        var entries = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        if (mapping.Children.TryGetValue(new YamlScalarNode("<<"), out var merged) && merged is YamlMappingNode anchor)
        {
            foreach (var (key, value) in anchor.Entries())
            {
                entries[key] = value;
            }
        }
        foreach (var (key, value) in mapping.Children)
        {
            if (key is YamlScalarNode { Value: { } name } && name != "<<")
            {
                entries[name] = value;
            }
        }
        return entries;
    }

    public static YamlNode? Find(this YamlNode? node, params string[] path)
    {
        foreach (var key in path)
        {
            if (node is not YamlMappingNode mapping || !mapping.Entries().TryGetValue(key, out node))
            {
                return null;
            }
        }
        return node;
    }

    public static YamlMappingNode Map(this YamlNode? node, params string[] path) =>
        node.Find(path) as YamlMappingNode ?? throw new InvalidOperationException($"No mapping at {string.Join('.', path)}.");

    public static IEnumerable<YamlNode> Seq(this YamlNode? node, params string[] path) =>
        node.Find(path) is YamlSequenceNode sequence ? sequence.Children : [];

    public static string? Text(this YamlNode? node, params string[] path) => (node.Find(path) as YamlScalarNode)?.Value;

    public static string Kind(this YamlMappingNode document) => document.Text("kind") ?? "";

    public static string Name(this YamlMappingNode document) => document.Text("metadata", "name") ?? "";

    /// <summary>Scalar entries of a mapping as strings (labels, selectors, ConfigMap data).</summary>
    public static IReadOnlyDictionary<string, string> Strings(this YamlNode? node, params string[] path) =>
        node.Find(path) is YamlMappingNode mapping
            ? mapping.Entries().Where(e => e.Value is YamlScalarNode).ToDictionary(e => e.Key, e => ((YamlScalarNode)e.Value).Value ?? "")
            : new Dictionary<string, string>();
}
