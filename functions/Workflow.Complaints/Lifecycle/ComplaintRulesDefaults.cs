namespace Workflow.Complaints.Lifecycle;

/// <summary>
/// SPEC defaults for triage, service levels, calendars and response templates, written as an
/// appsettings document so operators can copy a section and override it. The app's configuration
/// is layered on top (<see cref="ComplaintRulesServiceCollectionExtensions.AddComplaintRules"/>).
/// List entries are overridden by index, as in any .NET configuration: to replace a whole keyword
/// list, give every entry.
/// </summary>
public static class ComplaintRulesDefaults
{
    /// <summary>The defaults as appsettings JSON.</summary>
    public const string Json = """
    {
      "Triage": {
        "RepeatWindow": "30.00:00:00",
        "RepeatCaseThreshold": 1,
        "HighCompensationAmount": 5000,
        "MonetaryRequestKinds": [ "compensation", "refund" ],
        "DefaultDepartment": "customer-service",
        "StaffComplaintDepartment": "complaints-duty",
        "SeniorComplaintsDepartment": "senior-complaints",
        "RouteLevel1ToSeniorTeam": true,
        "Keywords": {
          "Outage": [ "停电", "断网", "断电", "停水", "无法使用", "不能用", "用不了", "瘫痪", "宕机", "没有信号", "outage", "not working", "cannot use", "can't use", "no service", "service down", "blackout" ],
          "Safety": [ "安全", "起火", "着火", "爆炸", "漏电", "触电", "燃气泄漏", "受伤", "人身", "safety", "fire", "explosion", "electric shock", "gas leak", "injury", "injured", "hazard" ],
          "Emergency": [ "紧急", "急救", "危险", "救命", "emergency", "danger", "dangerous", "life-threatening" ],
          "FinancialLoss": [ "损失", "多扣", "扣款", "乱扣费", "重复扣费", "被骗", "赔钱", "loss", "lost money", "overcharged", "charged twice", "double charged", "fraud" ],
          "CustomerDeadline": [ "截止", "明天之前", "今天之内", "来不及", "急需", "deadline", "by tomorrow", "before tomorrow", "due date", "time-sensitive" ],
          "HighlyEmotional": [ "气死", "愤怒", "太过分", "忍无可忍", "受够了", "欺人太甚", "垃圾", "骗子", "furious", "outraged", "disgusting", "unacceptable", "fed up", "ridiculous" ],
          "LegalRisk": [ "律师", "起诉", "法院", "诉讼", "仲裁", "12315", "消协", "消费者协会", "市场监管", "监管部门", "工信部", "投诉到", "lawyer", "attorney", "lawsuit", "sue", "court", "regulator", "consumer association", "legal action" ],
          "PublicOpinion": [ "媒体", "曝光", "微博", "抖音", "小红书", "记者", "网上发", "热搜", "social media", "media", "journalist", "expose", "exposure", "go viral", "twitter", "weibo" ]
        },
        "Routing": [
          { "Keywords": [ "扣费", "多扣", "账单", "发票", "退款", "话费", "billing", "bill", "invoice", "charged", "refund" ], "Department": "billing" },
          { "Keywords": [ "快递", "物流", "配送", "送货", "包裹", "delivery", "courier", "shipping", "parcel" ], "Department": "logistics" },
          { "Keywords": [ "断网", "停电", "无法使用", "网络", "信号", "登录", "系统", "outage", "network", "signal", "login", "error" ], "Department": "technical" },
          { "Type": "service-request", "Keywords": [ "维修", "换货", "安装", "保修", "repair", "replacement", "installation", "warranty" ], "Department": "after-sales" },
          { "Type": "suggestion", "Department": "operations" }
        ]
      },
      "ServiceLevels": {
        "WarnAtFraction": 0.75,
        "UrgentFactor": 0.5,
        "SupervisorClockFraction": 0.5,
        "AgentCompensationAuthority": 200,
        "ProgressInterval": "1.00:00:00",
        "Clocks": {
          "Forward": { "Length": "01:00:00", "Basis": "WallClock" },
          "FirstResponse": {
            "Length": "1.00:00:00", "Basis": "WallClock",
            "BySeverity": { "Critical": { "Length": "02:00:00", "Basis": "WallClock" } }
          },
          "Completion": { "Length": "2.00:00:00", "Basis": "WallClock" },
          "InquiryAnswer": { "Basis": "SameWorkingDay" },
          "TellCustomer": { "Length": "01:00:00", "Basis": "WallClock" },
          "StaffComplaintAnswer": { "WorkingDays": 2, "Basis": "WorkingTime" },
          "SupervisorReview": { "Length": "1.00:00:00", "Basis": "WallClock" },
          "Approval": { "Length": "1.00:00:00", "Basis": "WallClock" }
        }
      },
      "Lifecycle": {
        "SurveyReminderAfter": "1.00:00:00",
        "SurveyCloseAfter": "3.00:00:00",
        "LowScoreThreshold": 2,
        "ActivityMaxAttempts": 5,
        "ActivityFirstRetryInterval": "00:00:05"
      },
      "BusinessCalendars": {
        "DefaultRegion": "CN",
        "Regions": {
          "CN": {
            "TimeZone": "Asia/Shanghai",
            "WorkdayStart": "09:00",
            "WorkdayEnd": "18:00",
            "WeekendDays": [ "Saturday", "Sunday" ],
            "Holidays": [
              "2026-01-01", "2026-01-02", "2026-01-03",
              "2026-02-15", "2026-02-16", "2026-02-17", "2026-02-18", "2026-02-19", "2026-02-20", "2026-02-21", "2026-02-22", "2026-02-23",
              "2026-04-04", "2026-04-05", "2026-04-06",
              "2026-05-01", "2026-05-02", "2026-05-03", "2026-05-04", "2026-05-05",
              "2026-06-19", "2026-06-20", "2026-06-21",
              "2026-09-25", "2026-09-26", "2026-09-27",
              "2026-10-01", "2026-10-02", "2026-10-03", "2026-10-04", "2026-10-05", "2026-10-06", "2026-10-07"
            ],
            "MakeUpWorkingDays": [ "2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10" ]
          }
        }
      },
      "ResponseTemplates": {
        "DefaultLanguage": "zh-CN",
        "DeadlineFormat": "yyyy-MM-dd HH:mm",
        "Templates": {
          "Acknowledge": {
            "zh-CN": "您好，您的反馈已受理，编号{caseNumber}。我们将在{deadline}前给您答复，请保持电话畅通。",
            "en": "Thank you, we have received your case {caseNumber}. We will reply by {deadline}; please keep your phone reachable."
          },
          "ApologiseClarifySolve": {
            "zh-CN": "非常抱歉给您带来不便（编号{caseNumber}）。我们已了解您反映的情况，将为您{remedy}，并在{deadline}前告知结果。",
            "en": "We are sorry for the trouble (case {caseNumber}). We understand what happened and will {remedy}; you will hear the result by {deadline}."
          },
          "TransferToDepartment": {
            "zh-CN": "您的问题（编号{caseNumber}）已转交{department}处理，预计{deadline}前答复您。",
            "en": "Your case {caseNumber} has been passed to {department}, who will reply by {deadline}."
          },
          "Delay": {
            "zh-CN": "很抱歉，您的问题（编号{caseNumber}）处理时间有所延长，我们将在{deadline}前答复您，感谢您的耐心。",
            "en": "We are sorry that case {caseNumber} is taking longer than promised. We will reply by {deadline}. Thank you for your patience."
          },
          "FinalDecision": {
            "zh-CN": "关于您的问题（编号{caseNumber}），经复核，最终处理意见为：{remedy}。感谢您的理解。",
            "en": "After review, our final decision on case {caseNumber} is: {remedy}. Thank you for your understanding."
          },
          "Resolution": {
            "zh-CN": "您的问题（编号{caseNumber}）已处理：{remedy}。如有疑问请随时联系我们。",
            "en": "Case {caseNumber} has been resolved: {remedy}. Please contact us if you have any questions."
          },
          "Refusal": {
            "zh-CN": "非常抱歉，关于您的问题（编号{caseNumber}），根据相关规定我们无法满足您的要求，我们可以为您{remedy}。",
            "en": "We are sorry, but under our policy we cannot grant the request in case {caseNumber}. What we can offer: {remedy}."
          }
        }
      }
    }
    """;
}
