using AfterSales.Tests.Api.Infrastructure;
using AfterSales.Tests.Deploy.Infrastructure;
using YamlDotNet.RepresentationModel;

namespace AfterSales.Tests.Deploy;

/// <summary>deploy/k8s checked without a cluster: what every manifest must hold and how they refer to each other.</summary>
public sealed class KubernetesManifestTests
{
    private static readonly string Folder = RepositoryFiles.PathOf("deploy/k8s");

    private static readonly IReadOnlyList<YamlMappingNode> Manifests =
        [.. Directory.GetFiles(Folder, "*.yaml").Where(f => Path.GetFileName(f) != "kustomization.yaml").SelectMany(Yaml.Documents)];

    [Fact]
    public void EveryYamlFileOfTheDeployFolderParses()
    {
        var files = Directory.GetFiles(RepositoryFiles.PathOf("deploy"), "*.y*ml", SearchOption.AllDirectories);

        Assert.True(files.Length >= 6, string.Join(", ", files));
        Assert.All(files, file => Assert.NotEmpty(Yaml.Documents(file)));
    }

    [Fact]
    public void TheKustomizationListsEveryManifestAndNothingElse()
    {
        var listed = Yaml.Documents(Path.Combine(Folder, "kustomization.yaml"))[0].Seq("resources").Select(n => n.Text()).Order(StringComparer.Ordinal);
        var present = Directory.GetFiles(Folder, "*.yaml").Select(Path.GetFileName).Where(f => f != "kustomization.yaml").Order(StringComparer.Ordinal);

        Assert.Equal(present, listed);
    }

    [Fact]
    public void ThereAreTheSiloAndApiDeploymentsAndEverySupportingObject()
    {
        var kinds = Manifests.Select(m => m.Kind()).Order(StringComparer.Ordinal);

        Assert.Equal(
            ["ConfigMap", "Deployment", "Deployment", "HorizontalPodAutoscaler", "PodDisruptionBudget", "Role", "RoleBinding", "Secret", "Service", "Service", "ServiceAccount"],
            kinds);
        Assert.Equal("Cluster", Mode(SiloDeployment));
        Assert.Equal("Client", Mode(Deployments.Single(d => d != SiloDeployment)));
    }

    [Fact]
    public void EveryContainerHasHealthProbesAndResourceRequestsAndLimits()
    {
        foreach (var container in Deployments.SelectMany(Containers))
        {
            var ports = container.Seq("ports").Select(p => p.Text("name")).ToHashSet();
            if (ports.Contains("gateway"))
            {
                // A silo serves no HTTP: probed on its gateway (opened once it joined) and silo ports.
                Assert.Equal("gateway", container.Text("readinessProbe", "tcpSocket", "port"));
                Assert.Equal("gateway", container.Text("startupProbe", "tcpSocket", "port"));
                Assert.Equal("silo", container.Text("livenessProbe", "tcpSocket", "port"));
            }
            else
            {
                Assert.Equal("/health/ready", container.Text("readinessProbe", "httpGet", "path"));
                Assert.Equal("/health/live", container.Text("livenessProbe", "httpGet", "path"));
                Assert.Contains(container.Text("readinessProbe", "httpGet", "port"), ports);
                Assert.Contains(container.Text("livenessProbe", "httpGet", "port"), ports);
            }
            foreach (var bound in new[] { "requests", "limits" })
            {
                Assert.NotNull(container.Text("resources", bound, "cpu"));
                Assert.NotNull(container.Text("resources", bound, "memory"));
            }
        }
    }

    [Fact]
    public void ContainersAreConfiguredByEnvironmentVariablesOnly()
    {
        foreach (var container in Deployments.SelectMany(Containers))
        {
            Assert.Null(container.Find("command"));
            Assert.Null(container.Find("args"));
            // The only mount is a scratch /tmp: no settings file is mounted over the image's appsettings.json.
            Assert.Equal(["/tmp"], container.Seq("volumeMounts").Select(m => m.Text("mountPath")));
            var sources = container.Seq("envFrom").Select(s => s.Text("configMapRef", "name") ?? s.Text("secretRef", "name")).ToHashSet();
            Assert.Contains(Single("ConfigMap").Name(), sources);
            Assert.Contains(Single("Secret").Name(), sources);
        }
        Assert.Contains("ConnectionStrings__AfterSales", Single("Secret").Strings("stringData").Keys);
    }

    [Fact]
    public void SiloPodsCarryTheClusterIdsOfTheConfigurationAndUseKubernetesHosting()
    {
        var labels = SiloDeployment.Strings("spec", "template", "metadata", "labels");
        var settings = Single("ConfigMap").Strings("data");

        Assert.Equal(settings["AfterSales__Hosting__ClusterId"], labels["orleans/clusterId"]);
        Assert.Equal(settings["AfterSales__Hosting__ServiceId"], labels["orleans/serviceId"]);
        var env = Environment(SiloDeployment);
        Assert.Equal("true", env["AfterSales__Hosting__Kubernetes"].Text("value"));
        Assert.Equal("status.podIP", env["AfterSales__Hosting__AdvertisedAddress"].Text("valueFrom", "fieldRef", "fieldPath"));
        Assert.Equal("metadata.labels['orleans/clusterId']", env["ORLEANS_CLUSTER_ID"].Text("valueFrom", "fieldRef", "fieldPath"));
        Assert.Equal("metadata.labels['orleans/serviceId']", env["ORLEANS_SERVICE_ID"].Text("valueFrom", "fieldRef", "fieldPath"));
        Assert.Equal("metadata.name", env["POD_NAME"].Text("valueFrom", "fieldRef", "fieldPath"));
    }

    [Fact]
    public void TheSilosServiceAccountMayReadWatchAndLabelPods()
    {
        var account = SiloDeployment.Text("spec", "template", "spec", "serviceAccountName");
        Assert.Equal(account, Single("ServiceAccount").Name());
        var binding = Single("RoleBinding");
        Assert.Contains(account, binding.Seq("subjects").Where(s => s.Text("kind") == "ServiceAccount").Select(s => s.Text("name")));
        Assert.Equal(Single("Role").Name(), binding.Text("roleRef", "name"));

        var podRule = Single("Role").Seq("rules").Single(r => r.Seq("resources").Any(n => n.Text() == "pods"));
        Assert.Equal(["get", "list", "patch", "watch"], podRule.Seq("verbs").Select(v => v.Text()).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void TheAutoscalerScalesTheSiloDeploymentOnCpu()
    {
        var autoscaler = Single("HorizontalPodAutoscaler");

        Assert.Equal("Deployment", autoscaler.Text("spec", "scaleTargetRef", "kind"));
        Assert.Equal(SiloDeployment.Name(), autoscaler.Text("spec", "scaleTargetRef", "name"));
        Assert.Equal("cpu", autoscaler.Seq("spec", "metrics").Single().Text("resource", "name"));
        Assert.True(int.Parse(autoscaler.Text("spec", "minReplicas")!, System.Globalization.CultureInfo.InvariantCulture) >= 2);
    }

    [Fact]
    public void ServicesAndTheDisruptionBudgetSelectThePodsOfADeployment()
    {
        var podLabels = Deployments.Select(d => d.Strings("spec", "template", "metadata", "labels")).ToList();
        var selectors = Manifests.Where(m => m.Kind() == "Service").Select(s => s.Strings("spec", "selector"))
            .Append(Single("PodDisruptionBudget").Strings("spec", "selector", "matchLabels"))
            .Concat(Deployments.Select(d => d.Strings("spec", "selector", "matchLabels")));

        foreach (var selector in selectors)
        {
            Assert.NotEmpty(selector);
            Assert.Contains(podLabels, labels => selector.All(s => labels.TryGetValue(s.Key, out var value) && value == s.Value));
        }
    }

    private static IEnumerable<YamlMappingNode> Deployments => Manifests.Where(m => m.Kind() == "Deployment");

    private static YamlMappingNode SiloDeployment => Deployments.Single(d => Mode(d) == "Cluster");

    private static YamlMappingNode Single(string kind) => Manifests.Single(m => m.Kind() == kind);

    private static IEnumerable<YamlMappingNode> Containers(YamlMappingNode deployment) =>
        deployment.Seq("spec", "template", "spec", "containers").Cast<YamlMappingNode>();

    private static Dictionary<string, YamlNode> Environment(YamlMappingNode deployment) =>
        Containers(deployment).Single().Seq("env").ToDictionary(e => e.Text("name")!, e => e);

    private static string? Mode(YamlMappingNode deployment) => Environment(deployment)["AfterSales__Hosting__Mode"].Text("value");
}
