using Workflow.Complaints.Lifecycle;
using Xunit;

namespace Workflow.Complaints.Tests.Lifecycle;

public class CaseTransitionsTests
{
    public static TheoryData<CaseStatus, CaseAction, CaseStatus> AllowedMoves()
    {
        var data = new TheoryData<CaseStatus, CaseAction, CaseStatus>();
        foreach (var (from, action, to) in CaseTransitions.AllowedMoves)
        {
            data.Add(from, action, to);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(AllowedMoves))]
    public void Apply_AllowedMove_GivesTableStatus(CaseStatus from, CaseAction action, CaseStatus to)
    {
        Assert.True(CaseTransitions.IsAllowed(from, action));
        Assert.Equal(to, CaseTransitions.Apply(from, action));
    }

    [Theory]
    [InlineData(CaseStatus.Closed, CaseAction.Forward)]
    [InlineData(CaseStatus.Closed, CaseAction.SurveyLowScoreReopen)]
    [InlineData(CaseStatus.Withdrawn, CaseAction.Respond)]
    [InlineData(CaseStatus.Open, CaseAction.Approve)]
    [InlineData(CaseStatus.Forwarded, CaseAction.Forward)]
    [InlineData(CaseStatus.InProgress, CaseAction.CustomerInfoReceived)]
    [InlineData(CaseStatus.AwaitingApproval, CaseAction.Resolve)]
    [InlineData(CaseStatus.AwaitingCustomer, CaseAction.RequestApproval)]
    [InlineData(CaseStatus.Resolved, CaseAction.Withdraw)]
    [InlineData(CaseStatus.Open, CaseAction.FinalDecision)]
    public void Apply_RefusedMove_ThrowsNamingStateAndAction(CaseStatus from, CaseAction action)
    {
        var error = Assert.Throws<InvalidCaseTransitionException>(() => CaseTransitions.Apply(from, action));

        Assert.Equal(from, error.From);
        Assert.Equal(action, error.Action);
        Assert.Contains($"'{from.ToName()}'", error.Message, StringComparison.Ordinal);
        Assert.Contains($"'{action.ToName()}'", error.Message, StringComparison.Ordinal);
        Assert.False(CaseTransitions.IsAllowed(from, action));
    }

    [Fact]
    public void Apply_EveryPairOutsideTheTable_Throws()
    {
        foreach (var from in Enum.GetValues<CaseStatus>())
        {
            foreach (var action in Enum.GetValues<CaseAction>())
            {
                if (!CaseTransitions.AllowedMoves.Any(m => m.From == from && m.Action == action))
                {
                    Assert.Throws<InvalidCaseTransitionException>(() => CaseTransitions.Apply(from, action));
                }
            }
        }
    }

    [Fact]
    public void AllowedMoves_EveryActionAllowedSomewhere_AndEveryUnfinishedStatusHasWayOut()
    {
        foreach (var action in Enum.GetValues<CaseAction>())
        {
            Assert.Contains(CaseTransitions.AllowedMoves, m => m.Action == action);
        }

        foreach (var status in Enum.GetValues<CaseStatus>().Where(s => !CaseTransitions.IsFinished(s)))
        {
            Assert.Contains(CaseTransitions.AllowedMoves, m => m.From == status && m.To != status);
        }
    }

    [Fact]
    public void Apply_ComplaintHappyPath_ReachesClosed()
    {
        var status = CaseStatus.Open;
        foreach (var action in new[] { CaseAction.Forward, CaseAction.Respond, CaseAction.RequestInfo, CaseAction.CustomerInfoReceived, CaseAction.RequestApproval, CaseAction.Approve, CaseAction.Resolve, CaseAction.Close })
        {
            status = CaseTransitions.Apply(status, action);
        }

        Assert.Equal(CaseStatus.Closed, status);
    }

    [Fact]
    public void CaseActionNames_RoundTrip()
    {
        foreach (var action in Enum.GetValues<CaseAction>())
        {
            Assert.True(CaseActionNames.TryParse(action.ToName(), out var parsed));
            Assert.Equal(action, parsed);
        }

        Assert.False(CaseActionNames.TryParse("delete", out _));
    }
}
