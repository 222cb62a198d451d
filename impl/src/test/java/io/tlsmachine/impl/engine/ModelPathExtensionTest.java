package io.tlsmachine.impl.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlsmachine.testkit.ModelPathWatch;
import org.junit.jupiter.api.Test;

/** Shows the automatically registered {@link io.tlsmachine.testkit.ModelPathExtension} watches the engines of the impl test suite. */
class ModelPathExtensionTest {

    @Test
    void everyEngineOfTheSuiteIsWatchedAndItsTransitionsChecked() {
        long engines = ModelPathWatch.watchedEngines();
        long transitions = ModelPathWatch.checkedTransitions();
        new EngineFixtures.Pair(EngineFixtures.client(EngineFixtures.EC).build(), EngineFixtures.server(EngineFixtures.EC)
                .build()).handshake();
        assertThat(ModelPathWatch.watchedEngines()).isEqualTo(engines + 2);
        assertThat(ModelPathWatch.checkedTransitions()).isGreaterThan(transitions + 8);
    }
}
