namespace Workflow.Complaints.Cases;

/// <summary>The key of one index row.</summary>
public readonly record struct CaseIndexKey(string PartitionKey, string RowKey);
