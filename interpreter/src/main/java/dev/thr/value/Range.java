package dev.thr.value;

/** range(start, stop, step): an immutable, lazily counted sequence of integers. */
public record Range(long start, long stop, long step) {
    public long length() {
        if (step > 0 && start < stop) return (stop - start + step - 1) / step;
        if (step < 0 && start > stop) return (start - stop - step - 1) / -step;
        return 0;
    }

    public long at(long i) { return start + i * step; }

    public boolean contains(long v) {
        if (step > 0 ? v < start || v >= stop : v > start || v <= stop) return false;
        return (v - start) % step == 0;
    }

    @Override
    public String toString() {
        return "range(" + start + ", " + stop + (step == 1 ? "" : ", " + step) + ")";
    }
}
