namespace AfterSales.Complaints;

/// <summary>Lifecycle of a complaint: received → acknowledged → investigating → awaitingReview → resolved → closed; a
/// review sends it back to investigating, the customer's rejection reopens it (resolved → investigating).</summary>
[GenerateSerializer, Alias("AfterSales.Complaints.ComplaintStatus")]
public enum ComplaintStatus
{
    Received = 0,
    Acknowledged = 1,
    Investigating = 2,
    AwaitingReview = 3,
    Resolved = 4,
    Closed = 5,
}

/// <summary>What can be done to a complaint through its lifecycle (closing by timeout is the platform's, not an action).</summary>
[GenerateSerializer, Alias("AfterSales.Complaints.ComplaintAction")]
public enum ComplaintAction
{
    /// <summary>received → acknowledged: the customer was told the complaint is being handled.</summary>
    Acknowledge = 0,
    /// <summary>acknowledged → investigating.</summary>
    Investigate = 1,
    /// <summary>investigating → awaitingReview, with the root cause and the corrective action found.</summary>
    SubmitForReview = 2,
    /// <summary>awaitingReview → resolved: a reviewer other than the one who submitted approves the findings.</summary>
    Approve = 3,
    /// <summary>awaitingReview → investigating, with the reviewer's reason.</summary>
    SendBack = 4,
    /// <summary>resolved → closed: the customer confirmed the resolution.</summary>
    Confirm = 5,
    /// <summary>resolved → investigating: the customer rejected the resolution (counts as a reopen), with a reason.</summary>
    Reject = 6,
}

/// <summary>How serious a complaint is; the acknowledgement target depends on it, and it only ever rises.</summary>
[GenerateSerializer, Alias("AfterSales.Complaints.ComplaintSeverity")]
public enum ComplaintSeverity
{
    Low = 0,
    Medium = 1,
    High = 2,
    Critical = 3,
}

/// <summary>How a complaint came in.</summary>
[GenerateSerializer, Alias("AfterSales.Complaints.ComplaintChannel")]
public enum ComplaintChannel
{
    Phone = 0,
    Email = 1,
    Web = 2,
    Letter = 3,
    InPerson = 4,
    SocialMedia = 5,
}

/// <summary>What a complaint is about.</summary>
[GenerateSerializer, Alias("AfterSales.Complaints.ComplaintCategory")]
public enum ComplaintCategory
{
    /// <summary>The equipment itself: defects, breakdowns, performance.</summary>
    ProductQuality = 0,
    /// <summary>The quality of a repair, installation or maintenance.</summary>
    ServiceQuality = 1,
    /// <summary>A technician's or agent's behaviour; needs the technician.</summary>
    TechnicianConduct = 2,
    /// <summary>Waiting too long for an answer, a visit or a fix.</summary>
    ResponseTime = 3,
    /// <summary>Charges, invoices, warranty or contract coverage.</summary>
    Billing = 4,
    /// <summary>Being misinformed or not informed.</summary>
    Communication = 5,
    Other = 6,
}

/// <summary>The closed list of root causes a complaint's investigation ends with (KPIs group by it).</summary>
[GenerateSerializer, Alias("AfterSales.Complaints.RootCauseCategory")]
public enum RootCauseCategory
{
    /// <summary>A defect of design, material or manufacturing of the equipment.</summary>
    ProductDefect = 0,
    /// <summary>The equipment was installed or commissioned wrongly.</summary>
    InstallationError = 1,
    /// <summary>Maintenance was skipped, late or incomplete.</summary>
    MaintenanceLapse = 2,
    /// <summary>A technician's or agent's mistake or misconduct.</summary>
    StaffError = 3,
    /// <summary>A process or rule of the organisation failed or was missing.</summary>
    ProcessGap = 4,
    /// <summary>The customer was not informed, or informed wrongly.</summary>
    CommunicationFailure = 5,
    /// <summary>Spare parts were not available in time.</summary>
    PartsAvailability = 6,
    /// <summary>A supplier, carrier or other third party caused it.</summary>
    ThirdParty = 7,
    /// <summary>The service met what was promised; the expectation differed.</summary>
    ExpectationMismatch = 8,
    /// <summary>The investigation found no fault.</summary>
    NoFault = 9,
}

/// <summary>How a complaint was closed.</summary>
[GenerateSerializer, Alias("AfterSales.Complaints.ComplaintClosure")]
public enum ComplaintClosure
{
    /// <summary>The customer confirmed the resolution.</summary>
    Confirmed = 0,
    /// <summary>The customer did not answer within the configured time after the resolution.</summary>
    Timeout = 1,
}
