package io.cairn.membership;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jdbi.v3.core.Jdbi;

/**
 * Executes due provisioning steps, each plan strictly in order: a plan's next step runs only once every step
 * before it is done or overridden. A step is marked {@code running} (and its attempt counted) in one transaction,
 * executed by its ledger's provisioner outside any transaction, and its outcome recorded in another: done (the
 * plan moves on at once), failed and retryable (tried again after the backoff of {@link ProvisioningSettings},
 * until the attempts run out), failed for good, or manual (with the provisioner's instructions). The appliance's
 * leader job calls {@link #runDue()} every minute; one runner at a time.
 */
public final class ProvisioningRunner {
    private static final Logger LOG = Logger.getLogger(ProvisioningRunner.class.getName());
    private static final int MAX_STEPS_PER_RUN = 10_000;

    private final Jdbi jdbi;
    private final ProvisioningRecords records;
    private final ProvisioningPlanner provisioning;
    private final ProvisioningSettings settings;
    private final JournalRelay relay;
    private final Clock clock;

    ProvisioningRunner(Jdbi jdbi, ProvisioningRecords records, ProvisioningPlanner provisioning, ProvisioningSettings settings,
                       JournalRelay relay, Clock clock) {
        this.jdbi = jdbi;
        this.records = records;
        this.provisioning = provisioning;
        this.settings = settings;
        this.relay = relay;
        this.clock = clock;
    }

    /**
     * Executes every step that is due now, and the steps that become due as earlier ones finish.
     *
     * @return how many steps were executed
     */
    public synchronized int runDue() {
        int executed = 0;
        provisioning.takeUpWaitingAdmissions();
        List<UUID> due = dueNow();
        while (!due.isEmpty() && executed < MAX_STEPS_PER_RUN) {
            for (UUID id : due) {
                executed += runOne(id) ? 1 : 0;
            }
            due = dueNow();
        }
        relay.deliverQuietly();
        return executed;
    }

    private List<UUID> dueNow() {
        Instant now = clock.instant();
        return jdbi.withHandle(h -> records.due(h, now, now.minus(settings.runningTimeout())));
    }

    private boolean runOne(UUID id) {
        Optional<ProvisioningStep> started = jdbi.inTransaction(h -> {
            Instant now = clock.instant();
            Optional<ProvisioningStep> step = records.find(h, id, true);
            if (step.isEmpty() || !records.due(h, now, now.minus(settings.runningTimeout())).contains(id)) {
                return Optional.<ProvisioningStep>empty();
            }
            records.start(h, id, now);
            ProvisioningPlanner.journal(h, step.get(), StepStatus.RUNNING, ProvisioningPlanner.RUNNER, now,
                    Map.of("attempt", Integer.toString(step.get().attempts() + 1)));
            return records.find(h, id, false);
        });
        if (started.isEmpty()) {
            return false;
        }
        StepOutcome outcome = execute(started.get());
        jdbi.useTransaction(h -> {
            Optional<ProvisioningStep> current = records.find(h, id, true);
            if (current.isPresent() && current.get().status() == StepStatus.RUNNING
                    && current.get().attempts() == started.get().attempts()) {
                record(h, current.get(), outcome);
            }
        });
        return true;
    }

    private StepOutcome execute(ProvisioningStep step) {
        Optional<LedgerProvisioner> provisioner = provisioning.provisioner(step.step().ledger());
        if (provisioner.isEmpty()) {
            return StepOutcome.failed("no provisioner is registered for ledger '" + step.step().ledger()
                    + "'; register it and retry, or override the step", false);
        }
        try {
            return provisioner.get().execute(step.step());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "provisioning step " + step.id() + " failed", e);
            return StepOutcome.failed(String.valueOf(e.getMessage()), true);
        }
    }

    private void record(org.jdbi.v3.core.Handle h, ProvisioningStep step, StepOutcome outcome) {
        Instant now = clock.instant();
        String attempts = Integer.toString(step.attempts());
        switch (outcome) {
            case StepOutcome.Done d -> {
                records.finish(h, step.id(), StepStatus.DONE, Optional.empty(), Optional.empty(), Optional.empty(), now);
                ProvisioningPlanner.journal(h, step, StepStatus.DONE, ProvisioningPlanner.RUNNER, now, Map.of("attempts", attempts));
                provisioning.completeIfSettled(h, step, ProvisioningPlanner.RUNNER, now);
            }
            case StepOutcome.Failed f -> {
                Optional<Instant> next = f.retryable() && step.attempts() < settings.maxAttempts()
                        ? Optional.of(now.plus(settings.backoff(step.attempts()))) : Optional.empty();
                records.finish(h, step.id(), StepStatus.FAILED, Optional.of(f.reason()), Optional.empty(), next, now);
                ProvisioningPlanner.journal(h, step, StepStatus.FAILED, ProvisioningPlanner.RUNNER, now, Map.of("attempts", attempts,
                        "error", f.reason(), "next-attempt-at", next.map(Instant::toString).orElse("-")));
            }
            case StepOutcome.Manual m -> {
                records.finish(h, step.id(), StepStatus.MANUAL, Optional.empty(), Optional.of(m.instructions()),
                        Optional.empty(), now);
                ProvisioningPlanner.journal(h, step, StepStatus.MANUAL, ProvisioningPlanner.RUNNER, now, Map.of("attempts", attempts,
                        "instructions", m.instructions()));
            }
        }
    }
}
