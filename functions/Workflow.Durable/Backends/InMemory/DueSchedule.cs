namespace Workflow.Durable.Backends.InMemory;

/// <summary>
/// Scheduled items ordered by due time (ties in insertion order): O(log n) to add and take. Cancelled
/// items are left in the heap and skipped, and the heap is rebuilt when they outnumber the live ones.
/// Not thread-safe; the backend guards it.
/// </summary>
internal sealed class DueSchedule
{
    private const int CompactionThreshold = 1024;

    private PriorityQueue<ScheduledItem, (DateTime DueAt, long Sequence)> heap = new();
    private long sequence;
    private int cancelled;

    public void Add(ScheduledItem item) => heap.Enqueue(item, (item.DueAt, sequence++));

    public void Cancel(ScheduledItem item)
    {
        if (!item.Retire())
        {
            return;
        }

        cancelled++;
        if (cancelled > CompactionThreshold && cancelled > heap.Count / 2)
        {
            heap = new PriorityQueue<ScheduledItem, (DateTime, long)>(
                heap.UnorderedItems.Where(entry => entry.Element.IsPending));
            cancelled = 0;
        }
    }

    /// <summary>The due time of the earliest pending item, or null when there is none.</summary>
    public DateTime? NextDueAt()
    {
        DropRetiredHead();
        return heap.TryPeek(out _, out var priority) ? priority.DueAt : null;
    }

    /// <summary>Takes the earliest pending item if it is due at <paramref name="now"/>.</summary>
    public ScheduledItem? TakeDue(DateTime now)
    {
        DropRetiredHead();
        if (!heap.TryPeek(out var item, out var priority) || priority.DueAt > now)
        {
            return null;
        }

        heap.Dequeue();
        item.Retire();
        return item;
    }

    public void Clear()
    {
        foreach (var (item, _) in heap.UnorderedItems)
        {
            item.Retire();
        }

        heap.Clear();
        cancelled = 0;
    }

    private void DropRetiredHead()
    {
        while (heap.TryPeek(out var item, out _) && !item.IsPending)
        {
            heap.Dequeue();
            cancelled--;
        }
    }
}
