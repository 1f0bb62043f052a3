using System.Collections.Frozen;
using Microsoft.AspNetCore.Authorization;
using static AfterSales.Api.Access.Grants;

namespace AfterSales.Api.Access;

/// <summary>Who may call each endpoint of <c>/api</c>, by endpoint name: one table, so the whole access policy reads in one
/// place (docs/SECURITY.md prints it). Admins may call every endpoint; an endpoint missing here is admins-only (deny by
/// default). Which case, customer, device, technician or department a caller reaches is checked on top of this by
/// <see cref="ResourceAccessMiddleware"/>.</summary>
internal static class AccessRules
{
    private static readonly FrozenDictionary<string, Grants> Table = new Dictionary<string, Grants>(StringComparer.Ordinal)
    {
        // Customers: the desk and intake register them; a customer reads their own record.
        ["CreateCustomer"] = Desk | IntakeKey,
        ["LookupCustomers"] = Desk | CtiKey,
        ["GetCustomer"] = Customer | Desk,
        ["GetCustomerCases"] = Customer | Desk,

        // The product catalogue is no one's personal data: every role reads it; admins configure models.
        ["PutModel"] = None,
        ["GetModel"] = Everyone,
        ["ListModels"] = Everyone,
        ["AddSolution"] = Supervisor,
        ["ListProposedSolutions"] = Technician | Supervisor,
        ["GetModelReliability"] = Staff,

        // Devices: a customer sees their own; registration by the desk or intake.
        ["CreateDevice"] = Desk | IntakeKey,
        ["ImportDevices"] = Supervisor | IntakeKey,
        ["GetDevice"] = Everyone,
        ["GetDeviceHistory"] = Everyone,
        ["DecommissionDevice"] = Supervisor,
        ["GetDeviceReliability"] = Staff,
        ["RecordReading"] = Technician | Supervisor | ReadingsKey,
        ["RecordBatch"] = ReadingsKey,
        ["GetDeviceMaintenance"] = Everyone,
        ["PutDevicePlan"] = Supervisor,
        ["DeleteDevicePlan"] = Supervisor,
        ["ReissueWorkOrder"] = Supervisor,
        ["GetOverdueMaintenance"] = Desk,

        ["CreateContract"] = Supervisor,
        ["GetContract"] = Desk,

        // Technicians: supervisors keep the roster; a technician sets their own presence and shift.
        ["CreateTechnician"] = Supervisor,
        ["GetTechnician"] = Staff,
        ["UpdateTechnician"] = Supervisor,
        ["SetPresence"] = Technician | Supervisor,
        ["SetShiftPattern"] = Supervisor,
        ["SetShift"] = Technician | Supervisor,
        ["GetAssignments"] = Staff,
        ["ListTechnicianComplaints"] = Technician | Supervisor,

        ["ListDepartments"] = Desk,
        ["GetDepartment"] = Desk,
        ["ReviewQueue"] = Supervisor,

        // Cases: customers open cases for themselves and add notes; technicians work the cases they hold; agents create,
        // route and escalate; supervisors also reassign.
        ["CreateCase"] = Customer | Desk | IntakeKey,
        ["ListCases"] = Everyone,
        ["ExportCases"] = Desk,
        ["GetCase"] = Everyone,
        ["GetCaseHistory"] = Staff,
        ["AddNote"] = Everyone,
        ["GetCaseRouting"] = Desk,
        ["EscalateCase"] = Desk,
        ["TransferCase"] = Desk,
        ["AssignCase"] = Supervisor,
        ["ChangeCasePriority"] = Desk,
        ["LinkChild"] = Desk,
        ["StartCase"] = Staff,
        ["WaitForCustomer"] = Staff,
        ["ResumeCase"] = Staff,
        ["ResolveCase"] = Staff,
        ["CloseCase"] = Desk,
        ["ReopenCase"] = Desk,
        ["CancelCase"] = Desk,
        ["RecordVisit"] = Technician | Supervisor,
        ["ListVisits"] = Staff,
        ["GetVisit"] = Staff,
        ["GetChecklist"] = Technician | Supervisor,
        ["PutChecklistAnswer"] = Technician | Supervisor,
        ["SubmitCommissioning"] = Technician | Supervisor,
        ["GetCommissioningReport"] = Everyone,
        ["GetCommissioningReportPage"] = Everyone,
        ["RebuildCaseList"] = None,
        ["GetKpis"] = Supervisor,
        ["ListProblems"] = Staff,

        ["CreateShipment"] = Supervisor | IntakeKey,
        ["GetShipment"] = Desk,

        // Complaints: handled by the desk; the second person's review is a supervisor's.
        ["FileComplaint"] = Desk,
        ["GetComplaint"] = Customer | Desk,
        ["GetComplaintHistory"] = Desk,
        ["AddComplaintNote"] = Desk,
        ["EscalateComplaint"] = Desk,
        ["AcknowledgeComplaint"] = Desk,
        ["InvestigateComplaint"] = Desk,
        ["SubmitComplaintFindings"] = Desk,
        ["ApproveComplaint"] = Supervisor,
        ["SendBackComplaint"] = Supervisor,
        ["ConfirmComplaint"] = Desk,
        ["RejectComplaint"] = Desk,

        // Surveys are answered without an account through their random single-use link.
        ["GetSurveyResults"] = Supervisor,
        ["GetSurvey"] = Anonymous,
        ["AnswerSurvey"] = Anonymous,

        // Configuration: supervisors set their departments' strategies; the rest is an admin's.
        ["GetRoutingPolicy"] = Supervisor,
        ["ReplaceRoutingPolicy"] = None,
        ["PutSkillRule"] = None,
        ["DeleteSkillRule"] = None,
        ["SetDepartmentStrategy"] = Supervisor,
        ["ClearDepartmentStrategy"] = Supervisor,
        ["SetRegionalStrategy"] = Supervisor,
        ["ClearRegionalStrategy"] = Supervisor,
        ["SetRegionNeighbours"] = None,
        ["GetBusinessCalendar"] = Staff,
        ["ReplaceBusinessCalendar"] = None,
        ["ImportHolidays"] = None,
        ["GetSlaPolicy"] = Desk,
        ["ReplaceSlaPolicy"] = None,

        ["CreateWebhookSubscription"] = WebhooksKey,
        ["ListWebhookSubscriptions"] = WebhooksKey,
        ["GetWebhookSubscription"] = WebhooksKey,
        ["ReplaceWebhookSubscription"] = WebhooksKey,
        ["DeleteWebhookSubscription"] = WebhooksKey,
        ["ListWebhookDeliveries"] = WebhooksKey,
        ["RedeliverWebhookEvent"] = WebhooksKey,

        // The PBX's URL carries its own token (Zammad's Generic CTI has no header to send).
        ["PostCtiEvent"] = Anonymous,
        ["ListCtiCalls"] = Desk | CtiKey,
        ["GetCtiCall"] = Desk | CtiKey,

        ["CreateDevelopmentToken"] = Anonymous,

        // Live views: a case's changes to the staff who reach the case, a board's to the desk that reaches the department.
        ["FollowCase"] = Staff,
        ["FollowDepartment"] = Desk,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The table's endpoint names (for the documentation and the tests).</summary>
    public static IEnumerable<string> EndpointNames => Table.Keys;

    /// <summary>The rule of an endpoint: its table entry, or admins-only when it has none.</summary>
    public static AccessRule RuleOf(string endpointName, string routeTemplate) =>
        new(endpointName, Table.GetValueOrDefault(endpointName, None), ResourceOf(routeTemplate));

    /// <summary>The resource a route template names, read from its first segments.</summary>
    public static ResourceKind ResourceOf(string template) => template switch
    {
        _ when template.StartsWith("/api/cases/{number}", StringComparison.Ordinal)
            || template.StartsWith("/api/live/cases/{number}", StringComparison.Ordinal) => ResourceKind.Case,
        _ when template.StartsWith("/api/customers/{id}", StringComparison.Ordinal) => ResourceKind.Customer,
        _ when template.StartsWith("/api/devices/{serial}", StringComparison.Ordinal) => ResourceKind.Device,
        _ when template.StartsWith("/api/technicians/{id}", StringComparison.Ordinal) => ResourceKind.Technician,
        _ when template.StartsWith("/api/complaints/{id}", StringComparison.Ordinal) => ResourceKind.Complaint,
        _ when template.StartsWith("/api/departments/{department}", StringComparison.Ordinal)
            || template.StartsWith("/api/routing/strategies/{department}", StringComparison.Ordinal)
            || template.StartsWith("/api/live/departments/{department}", StringComparison.Ordinal) => ResourceKind.Department,
        _ => ResourceKind.None,
    };

    /// <summary>Puts each <c>/api</c> endpoint's rule into its metadata, with the authorisation policy that enforces it
    /// (anonymous ones allow anonymous callers). Runs after the endpoints' own conventions, when their names are known.</summary>
    public static TBuilder RequireAccessRules<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder
    {
        builder.Finally(endpoint =>
        {
            if (endpoint is not RouteEndpointBuilder route)
            {
                return;
            }
            var name = endpoint.Metadata.OfType<IEndpointNameMetadata>().LastOrDefault()?.EndpointName ?? "";
            var rule = RuleOf(name, route.RoutePattern.RawText ?? "");
            endpoint.Metadata.Add(rule);
            if (rule.IsAnonymous)
            {
                endpoint.Metadata.Add(new AllowAnonymousAttribute());
                return;
            }
            foreach (var status in (int[])[StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden])
            {
                endpoint.Metadata.Add(new ProducesResponseTypeMetadata(status, typeof(HttpValidationProblemDetails), ["application/problem+json"]));
            }
            endpoint.Metadata.Add(new AuthorizationPolicyBuilder()
                .RequireAuthenticatedUser()
                .RequireAssertion(context => rule.Allows(CallerScopes.From(context.User)))
                .Build());
        });
        return builder;
    }
}
