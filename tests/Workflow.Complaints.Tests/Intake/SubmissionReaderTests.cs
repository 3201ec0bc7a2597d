using System.Text;
using Microsoft.Extensions.Primitives;
using Workflow.Complaints.Intake;
using Xunit;

namespace Workflow.Complaints.Tests.Intake;

public sealed class SubmissionReaderTests
{
    [Fact]
    public void ReadJson_ByteOrderMark_Read()
    {
        var errors = new FieldErrors();
        var json = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(BadSubmissions.Valid().ToJsonString())).ToArray();

        var submission = SubmissionReader.ReadJson(json, errors);

        Assert.True(errors.IsEmpty);
        Assert.Equal("张三", submission?.CustomerName);
    }

    [Fact]
    public void ReadJson_SeveralWrongTypes_EveryFieldReported()
    {
        var errors = new FieldErrors();

        SubmissionReader.ReadJson(Encoding.UTF8.GetBytes("""{"customerName": 1, "phone": true, "evidence": ["a", 2, {}], "request": {"amount": "x"}}"""), errors);

        Assert.Equal(["customerName", "evidence[1]", "evidence[2]", "phone", "request.amount"], errors.ToDictionary().Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void ReadForm_RequestFields_BuildRequest()
    {
        var errors = new FieldErrors();
        var form = new Dictionary<string, StringValues>
        {
            ["request.kind"] = "compensation",
            ["request.amount"] = "99.90",
            ["request.currency"] = "CNY",
            ["evidence"] = new StringValues(["ORD-1", "", "ORD-2"]),
        };

        var submission = SubmissionReader.ReadForm(form, errors);

        Assert.True(errors.IsEmpty);
        Assert.Equal(new CustomerRequest("compensation", 99.90m, "CNY"), submission.Request);
        Assert.Equal(["ORD-1", "ORD-2"], submission.Evidence);
    }
}
