package io.tlsmachine.impl.codec;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;

/** Seeded random building blocks for codec tests: byte strings, lengths and lists within RFC bounds. */
public final class RandomValues {
    private final Random random;

    public RandomValues(long seed) {
        this.random = new Random(seed);
    }

    public Random random() {
        return random;
    }

    /** Returns an int in {@code [min, max]}, mostly small, sometimes at the bounds. */
    public int length(int min, int max) {
        int choice = random.nextInt(10);
        if (choice == 0) {
            return min;
        }
        if (choice == 1) {
            return Math.min(max, min + 300);
        }
        return min + random.nextInt(Math.min(max, min + 40) - min + 1);
    }

    public int between(int min, int max) {
        return min + random.nextInt(max - min + 1);
    }

    public long u32() {
        return random.nextLong() & 0xFFFF_FFFFL;
    }

    public boolean chance(int percent) {
        return random.nextInt(100) < percent;
    }

    public Opaque bytes(int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return Opaque.of(bytes);
    }

    public Opaque opaque(int min, int max) {
        return bytes(length(min, max));
    }

    /** Returns {@code count} in {@code [min, max]} elements from the supplier. */
    public <T> List<T> list(int min, int max, Supplier<T> element) {
        int count = between(min, max);
        List<T> list = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            list.add(element.get());
        }
        return list;
    }

    public <T> T pick(List<T> choices) {
        return choices.get(random.nextInt(choices.size()));
    }
}
