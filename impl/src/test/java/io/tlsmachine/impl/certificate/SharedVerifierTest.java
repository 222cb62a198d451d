package io.tlsmachine.impl.certificate;

import io.tlsmachine.PkixCertificateVerifier;
import io.tlsmachine.CertificateVerifier;
import static io.tlsmachine.impl.certificate.Fixtures.EC;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tlsmachine.TlsConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Checks that configurations without a verifier share one, built once, whose validated-path cache serves them all. */
class SharedVerifierTest {

    @Test
    void configurationsWithoutAVerifierShareTheJdkDefaultOne() {
        TlsConfig one = TlsConfig.builder().serverName("a.example").build();
        TlsConfig other = TlsConfig.builder().serverName("b.example").build();
        assertThat(one.effectiveCertificateVerifier()).isSameAs(other.effectiveCertificateVerifier())
                .isSameAs(CertificateVerifier.jdkDefault());
        assertThat(one.toBuilder().build().effectiveCertificateVerifier()).isSameAs(CertificateVerifier.jdkDefault());
    }

    @Test
    void verifierRacedForByManyThreadsIsBuiltOnce() throws Exception {
        AtomicInteger builds = new AtomicInteger();
        SharedVerifier shared = new SharedVerifier(() -> {
            builds.incrementAndGet();
            return PkixCertificateVerifier.trusting(EC.anchors()).withClock(Fixtures.CLOCK);
        });
        int threads = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<PkixCertificateVerifier>> got = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                Callable<PkixCertificateVerifier> task = () -> {
                    start.await();
                    return shared.get();
                };
                got.add(pool.submit(task));
            }
            start.countDown();
            PkixCertificateVerifier first = got.get(0).get(10, TimeUnit.SECONDS);
            for (Future<PkixCertificateVerifier> future : got) {
                assertThat(future.get(10, TimeUnit.SECONDS)).isSameAs(first);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(builds).hasValue(1);
    }

    @Test
    void chainValidatedForOneUserIsAlreadyRememberedWhenTheNextGetsTheVerifier() {
        SharedVerifier shared = new SharedVerifier(() -> PkixCertificateVerifier.trusting(EC.anchors()).withClock(Fixtures.CLOCK));
        shared.get().verifyServer(EC.chain(), "server.example.com");
        PkixCertificateVerifier next = shared.get();
        assertThat(next.rememberedValidations()).isEqualTo(1);
        next.verifyServer(EC.chain(), "server.example.com");
        assertThat(next.rememberedValidations()).isEqualTo(1);
    }

    @Test
    void failedBuildIsRetriedOnTheNextUse() {
        AtomicInteger attempts = new AtomicInteger();
        SharedVerifier shared = new SharedVerifier(() -> {
            if (attempts.incrementAndGet() == 1) {
                throw new IllegalStateException("trust store unreadable");
            }
            return PkixCertificateVerifier.trusting(EC.anchors());
        });
        assertThatThrownBy(shared::get).isInstanceOf(IllegalStateException.class);
        assertThat(shared.get()).isSameAs(shared.get());
        assertThat(attempts).hasValue(2);
    }
}
