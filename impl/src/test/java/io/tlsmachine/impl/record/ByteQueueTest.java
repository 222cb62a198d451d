package io.tlsmachine.impl.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ByteQueueTest {

    @Test
    void commitsBytesOpenedIntoItsFreeSpaceWithoutCopyingThem() {
        ByteQueue queue = new ByteQueue();
        queue.write(new byte[] {1, 2});
        byte[] array = queue.reserve(3);
        int offset = queue.writeOffset();
        array[offset] = 3;
        array[offset + 1] = 4;

        queue.append(array, offset, 2);

        assertThat(queue.reserve(0)).isSameAs(array);
        assertThat(queue.take()).containsExactly(1, 2, 3, 4);
    }

    @Test
    void appendsBytesFromElsewhereByCopyingThem() {
        ByteQueue queue = new ByteQueue();
        byte[] other = {7, 8, 9};

        queue.append(other, 1, 2);
        other[1] = 0;

        assertThat(queue.take()).containsExactly(8, 9);
    }

    @Test
    void behavesAsAFifoOfBytesUnderRandomWritesAndTakes() {
        long seed = 20261127L;
        SplittableRandom random = new SplittableRandom(seed);
        ByteQueue queue = new ByteQueue();
        ByteArrayOutputStream written = new ByteArrayOutputStream();
        ByteArrayOutputStream taken = new ByteArrayOutputStream();
        for (int step = 0; step < 2_000; step++) {
            switch (random.nextInt(5)) {
                case 0 -> {
                    byte[] bytes = new byte[random.nextInt(20_000)];
                    random.nextBytes(bytes);
                    queue.write(bytes);
                    written.writeBytes(bytes);
                }
                case 1 -> {
                    int length = random.nextInt(5_000);
                    byte[] array = queue.reserve(length);
                    byte[] bytes = new byte[length];
                    random.nextBytes(bytes);
                    System.arraycopy(bytes, 0, array, queue.writeOffset(), length);
                    queue.commit(length);
                    written.writeBytes(bytes);
                }
                case 2 -> {
                    ByteBuffer dst = ByteBuffer.allocate(random.nextInt(30_000));
                    int count = queue.takeInto(dst);
                    assertThat(count).as("seed %d", seed).isEqualTo(dst.position());
                    taken.write(dst.array(), 0, count);
                }
                case 3 -> {
                    int want = random.nextInt(30_000);
                    queue.takeWith(view -> {
                        int count = Math.min(want, view.remaining());
                        byte[] out = new byte[count];
                        view.get(out);
                        taken.writeBytes(out);
                    });
                }
                default -> {
                    taken.writeBytes(queue.take());
                    queue.releaseIfEmpty();
                }
            }
            assertThat(queue.size()).as("seed %d, step %d", seed, step).isEqualTo(written.size() - taken.size());
        }
        taken.writeBytes(queue.take());
        assertThat(Arrays.equals(taken.toByteArray(), written.toByteArray())).as("seed %d", seed).isTrue();
    }

    @Test
    void releasesItsArrayOnlyWhenNothingIsQueued() {
        ByteQueue queue = new ByteQueue();
        queue.write(new byte[100]);
        byte[] array = queue.reserve(0);

        queue.releaseIfEmpty();
        assertThat(queue.reserve(0)).isSameAs(array);

        queue.take();
        queue.releaseIfEmpty();
        assertThat(queue.reserve(0)).isNotSameAs(array).isEmpty();
    }

    @Test
    void rejectsACommitBeyondTheReservedSpace() {
        ByteQueue queue = new ByteQueue();
        byte[] array = queue.reserve(10);

        assertThatThrownBy(() -> queue.commit(array.length + 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> queue.commit(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejectsASinkThatMovesThePositionOutsideTheLentBytes() {
        ByteQueue queue = new ByteQueue();
        queue.write(new byte[] {1, 2, 3});
        queue.takeInto(ByteBuffer.allocate(1));

        assertThatThrownBy(() -> queue.takeWith(view -> view.position(0))).isInstanceOf(IllegalStateException.class);
        assertThat(queue.size()).isEqualTo(2);
    }

    @Test
    void wipesWhatItHolds() {
        ByteQueue queue = new ByteQueue();
        queue.write(new byte[] {5, 5, 5});
        byte[] array = queue.reserve(0);

        queue.wipe();

        assertThat(queue.isEmpty()).isTrue();
        assertThat(array).containsOnly(0);
        assertThat(queue.toString()).doesNotContain("5, 5");
    }
}
