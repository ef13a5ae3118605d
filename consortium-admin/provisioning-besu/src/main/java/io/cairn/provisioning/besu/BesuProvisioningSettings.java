package io.cairn.provisioning.besu;

import io.cairn.connector.evm.BftProtocol;
import io.cairn.kernel.config.CairnConfig;
import io.cairn.kernel.config.ConfigOption;
import java.util.List;
import java.util.Optional;

/**
 * Which registered EVM ledgers are Besu networks whose permissioning the consortium drives (account and node
 * allowlists, validator votes) when members are admitted, suspended, reinstated or removed.
 *
 * @param ledgers        names of registered ledgers (see {@code /api/v1/ledgers}) to provision through Besu's
 *                       {@code perm_*} and BFT APIs
 * @param validatorVotes the BFT protocol whose validator votes this appliance proposes, if any
 */
public record BesuProvisioningSettings(List<String> ledgers, Optional<BftProtocol> validatorVotes) {
    /** {@code consortium.provisioning.besu-ledgers}. */
    public static final ConfigOption LEDGERS = ConfigOption.list("consortium.provisioning.besu-ledgers", "",
            "Registered EVM ledgers that are Besu networks with permissioning: their allowlists (and validator set) "
                    + "follow membership decisions. Empty: no ledger is provisioned and admitted members are active "
                    + "at once. Read at start-up.");
    /** {@code consortium.provisioning.besu-validator-votes}. */
    public static final ConfigOption VALIDATOR_VOTES = ConfigOption.choice(
            "consortium.provisioning.besu-validator-votes", "none", List.of("none", "qbft", "ibft"),
            "Propose validator votes for members with the validator role through this BFT protocol's API.");
    /** Every option. */
    public static final List<ConfigOption> OPTIONS = List.of(LEDGERS, VALIDATOR_VOTES);

    /** Copies the list. */
    public BesuProvisioningSettings {
        ledgers = List.copyOf(ledgers);
    }

    /** The settings of a loaded configuration. */
    public static BesuProvisioningSettings from(CairnConfig config) {
        String votes = config.string(VALIDATOR_VOTES);
        return new BesuProvisioningSettings(config.list(LEDGERS), switch (votes) {
            case "qbft" -> Optional.of(BftProtocol.QBFT);
            case "ibft" -> Optional.of(BftProtocol.IBFT2);
            default -> Optional.empty();
        });
    }
}
