using Workflow.Complaints.Auth;
using Workflow.Complaints.Dashboard;
using Workflow.Complaints.Hosting;
using Workflow.Complaints.Intake;
using Workflow.Complaints.Lifecycle;
using Workflow.Complaints.Notifications;
using Workflow.Complaints.Retention;
using Workflow.Complaints.Sms;
using Workflow.Complaints.Staff;
using Workflow.Durable.Diagnostics;

if (args is ["hash-password", ..])
{
    // Prints a hash for Auth:LocalUsers; the password is read from standard input so it stays out of shell history.
    Console.Error.Write("Password: ");
    Console.WriteLine(PasswordHash.Create(Console.ReadLine() ?? string.Empty));
    return;
}

var builder = WebApplication.CreateBuilder(args);

// host.json carries the runtime settings in the Functions shape (extensions:durableTask).
builder.Configuration.AddJsonFile(Path.Combine(AppContext.BaseDirectory, "host.json"), optional: true, reloadOnChange: false);
// As in Azure Functions, an app setting AzureFunctionsJobHost__path__to__setting overrides host.json.
builder.Configuration.AddEnvironmentVariables("AzureFunctionsJobHost__");

builder.Services.AddProblemDetails();
builder.Services.AddStaffAuth(builder.Configuration);
builder.Services.AddComplaintRules(builder.Configuration);
builder.Services.AddIntake(builder.Configuration);
builder.Services.AddSms(builder.Configuration);
builder.Services.AddComplaintLifecycle(builder.Configuration);
builder.Services.AddStaffCaseApi();
builder.Services.AddRetention(builder.Configuration);
builder.Services.AddDurableRuntime(builder.Configuration, tasks => tasks.RegisterLifecycleTasks());
builder.Services.AddOpenTelemetry()
    .WithTracing(t => t.AddSource(DurableTelemetry.Name).AddOtlpExporterWhenConfigured(builder.Configuration))
    .WithMetrics(m => m.AddMeter(DurableTelemetry.Name).AddOtlpExporterWhenConfigured(builder.Configuration));

var app = builder.Build();

app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseAuthentication();
app.UseAuthorization();
app.UseRateLimiter();

app.MapHealth();
var intake = app.MapIntake();
intake.Operations.RequireAuthorization(StaffRoles.OperationsPolicy);
app.MapSmsEvents();
app.MapSmsOutbox().RequireAuthorization(StaffRoles.StaffPolicy);
app.MapNotificationOutbox().RequireAuthorization(StaffRoles.StaffPolicy);
app.MapStaffCases();
app.MapRetention().RequireAuthorization(StaffRoles.OperationsPolicy);
app.MapDashboard();

app.Run();

/// <summary>The host's entry point (public so functional tests can start it).</summary>
public partial class Program;
