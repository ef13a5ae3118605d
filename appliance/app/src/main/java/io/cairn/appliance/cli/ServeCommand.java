package io.cairn.appliance.cli;

import io.cairn.appliance.Appliance;
import io.cairn.appliance.ApplianceConfig;
import io.cairn.appliance.Logging;
import io.cairn.appliance.ObservabilitySettings;
import io.cairn.kernel.config.CairnConfig;
import io.cairn.kernel.config.ConfigProblem;
import io.cairn.kernel.config.ConfigReport;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.logging.Logger;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code cairn serve}. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Start the appliance: API, console, health and metrics on one listener.",
            "With no configuration it runs an embedded PostgreSQL in ./cairn-data and serves HTTPS on "
                    + "127.0.0.1:8443 with a self-signed certificate; the first start prints an administrator token."})
final class ServeCommand implements Callable<Integer> {
    private static final Logger LOG = Logger.getLogger(ServeCommand.class.getName());

    @Mixin
    ConfigFileOption config;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        ConfigReport report = ApplianceConfig.load(config.resolve(), System.getenv(), Map.of());
        if (!report.valid()) {
            report.problems().stream().map(ConfigProblem::describe).forEach(spec.commandLine().getErr()::println);
            spec.commandLine().getErr().println("cairn: not started; run 'cairn config check' for details");
            return 2;
        }
        CairnConfig cairnConfig = report.config().orElseThrow();
        Logging.configure(ObservabilitySettings.from(cairnConfig));
        report.warnings().forEach(LOG::warning);
        CountDownLatch stopped = new CountDownLatch(1);
        Appliance appliance = Appliance.start(cairnConfig);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            appliance.close();
            stopped.countDown();
        }, "cairn-shutdown"));
        stopped.await();
        return 0;
    }
}
