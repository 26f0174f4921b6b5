namespace BioSirk.Portal.Agreements.Domain;

public enum AgreementStatus
{
    Draft = 1,
    Signed = 2,
    FinalReportSubmitted = 3,
    Approved = 4,
    Settled = 5,
    Rescinded = 6,
}

public enum MilestoneTrigger
{
    AtSigning = 1,
    FinalReportApproved = 2,
    OnDate = 3,
}

public enum MilestoneState
{
    /// <summary>Its trigger has not happened yet.</summary>
    Waiting = 1,

    /// <summary>The council may request the payment.</summary>
    Payable = 2,

    /// <summary>A payment request is with the county.</summary>
    Requested = 3,

    /// <summary>The county has registered the payment.</summary>
    Paid = 4,

    /// <summary>
    /// Not paid when the final report was approved: the final settlement (eligible − paid so far) pays it instead, so
    /// that nothing is paid twice and a date still ahead does not keep the agreement open.
    /// </summary>
    InFinalSettlement = 5,
}
