package io.cairn.membership;

import io.cairn.kernel.CairnException;
import io.cairn.kernel.ErrorCode;
import io.cairn.kernel.config.CairnConfig;
import io.cairn.kernel.config.ConfigOption;
import java.util.HashSet;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Membership settings.
 *
 * @param checklist     the due-diligence checks every new application gets, in order
 * @param initialPolicy governance policy version 1, adopted when the consortium has none
 */
public record MembershipSettings(List<String> checklist, PolicyTerms initialPolicy) {
    private static final Pattern ITEM = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

    /** Due-diligence checklist. */
    public static final ConfigOption CHECKLIST = ConfigOption.list("consortium.onboarding.checklist",
            "kyc,sanctions-screening,legal-agreement-signed",
            "Due-diligence checks (lower-case words with dashes) that administrators tick, with evidence, on every "
                    + "new onboarding application before its admission vote can open. Applies to applications "
                    + "submitted after a change.");
    /** Initial decision rule. */
    public static final ConfigOption INITIAL_RULE = ConfigOption.choice("consortium.governance.initial-rule", "majority",
            List.of("majority", "two-thirds", "unanimity", "admin-only"),
            "Decision rule of governance policy version 1, adopted at the first start. Later versions are adopted "
                    + "only by a change-policy vote; changing this key then has no effect.");
    /** Initial quorum. */
    public static final ConfigOption INITIAL_QUORUM = ConfigOption.integer("consortium.governance.initial-quorum-percent",
            50, 0, 100, "Quorum of governance policy version 1: percentage of eligible member organisations that must "
                    + "cast a vote (abstentions count toward the quorum, not toward the decision).");
    /** Initial voting window. */
    public static final ConfigOption INITIAL_WINDOW = ConfigOption.duration("consortium.governance.initial-voting-window",
            "7d", "Voting window of governance policy version 1: how long a proposal stays open (1 minute to 365 days).");

    /** Every membership option. */
    public static final List<ConfigOption> OPTIONS = List.of(CHECKLIST, INITIAL_RULE, INITIAL_QUORUM, INITIAL_WINDOW);

    /** Validates the checklist. */
    public MembershipSettings {
        checklist = List.copyOf(checklist);
        if (checklist.isEmpty() || !checklist.stream().allMatch(i -> ITEM.matcher(i).matches())
                || new HashSet<>(checklist).size() != checklist.size()) {
            throw new CairnException(ErrorCode.CONF_INVALID_VALUE, CHECKLIST.key()
                    + " must list at least one check, each a distinct lower-case word with dashes");
        }
    }

    /** Reads the settings from validated configuration. */
    public static MembershipSettings from(CairnConfig config) {
        return new MembershipSettings(config.list(CHECKLIST), new PolicyTerms(
                DecisionRule.fromLabel(INITIAL_RULE.key(), config.string(INITIAL_RULE)),
                (int) config.integer(INITIAL_QUORUM), config.duration(INITIAL_WINDOW)));
    }
}
