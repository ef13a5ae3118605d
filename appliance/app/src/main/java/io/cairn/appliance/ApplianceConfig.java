package io.cairn.appliance;

import io.cairn.anchoring.AnchoringSettings;
import io.cairn.blocks.BlocksSettings;
import io.cairn.ca.CaSettings;
import io.cairn.membership.ProvisioningSettings;
import io.cairn.provisioning.besu.BesuProvisioningSettings;
import io.cairn.custody.pkcs11.Pkcs11Settings;
import io.cairn.custody.vault.VaultSettings;
import io.cairn.evidence.EvidenceSettings;
import io.cairn.custody.software.SoftwareCustodySettings;
import io.cairn.http.HttpSettings;
import io.cairn.journal.JournalSettings;
import io.cairn.identity.IdentitySettings;
import io.cairn.kernel.config.ConfigCatalogue;
import io.cairn.membership.MembershipSettings;
import io.cairn.signing.SigningServiceSettings;
import io.cairn.kernel.config.ConfigLoader;
import io.cairn.kernel.config.ConfigOption;
import io.cairn.kernel.config.ConfigReport;
import io.cairn.storage.StorageSettings;
import io.cairn.storage.leadership.LeadershipSettings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Every configuration option of the appliance, gathered from the modules that declare them. */
public final class ApplianceConfig {
    private ApplianceConfig() {
    }

    /** The full catalogue. */
    public static ConfigCatalogue catalogue() {
        List<ConfigOption> all = new ArrayList<>();
        all.addAll(StorageSettings.OPTIONS);
        all.addAll(LeadershipSettings.OPTIONS);
        all.addAll(HttpSettings.OPTIONS);
        all.addAll(IdentitySettings.OPTIONS);
        all.addAll(ObservabilitySettings.OPTIONS);
        all.addAll(MembershipSettings.OPTIONS);
        all.addAll(JournalSettings.OPTIONS);
        all.addAll(SoftwareCustodySettings.OPTIONS);
        all.addAll(Pkcs11Settings.OPTIONS);
        all.add(SystemKeys.BACKEND);
        all.addAll(SigningServiceSettings.OPTIONS);
        all.addAll(VaultSettings.OPTIONS);
        all.addAll(BlocksSettings.OPTIONS);
        all.addAll(EvidenceSettings.OPTIONS);
        all.addAll(AnchoringSettings.OPTIONS);
        all.addAll(CaSettings.OPTIONS);
        all.addAll(ProvisioningSettings.OPTIONS);
        all.addAll(BesuProvisioningSettings.OPTIONS);
        return ConfigCatalogue.of(all);
    }

    /** Loads configuration from an optional file, the process environment and overrides. */
    public static ConfigReport load(Optional<Path> file, Map<String, String> environment, Map<String, String> overrides) {
        return ConfigLoader.load(catalogue(), file, environment, overrides);
    }
}
