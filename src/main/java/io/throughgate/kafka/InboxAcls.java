package io.throughgate.kafka;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

import io.throughgate.directory.Agency;
import io.throughgate.directory.AgencyDirectory;

/**
 * The in-process broker's ACLs: each agency in force may read its own inbox, {@code tg.inbox.<code>}, in consumer
 * groups named {@code <code>-*}, and nothing else; the hub and the broker are super users. The same rules as the
 * KafkaUser resources of {@code k8s/base/kafka/kafka-users.yaml}.
 */
public final class InboxAcls {

    private static final String ANY_HOST = "*";

    private InboxAcls() {
    }

    /** The ACLs of agencies in force: read and describe its inbox, read and describe its groups. */
    public static Set<AclBinding> of(Collection<String> agencyCodes) {
        Set<AclBinding> bindings = new HashSet<>();
        for (String code : agencyCodes) {
            String principal = KafkaPrincipals.user(code).toString();
            ResourcePattern inbox = new ResourcePattern(ResourceType.TOPIC, Topics.inbox(code), PatternType.LITERAL);
            ResourcePattern groups = new ResourcePattern(ResourceType.GROUP, code + "-", PatternType.PREFIXED);
            for (ResourcePattern resource : List.of(inbox, groups)) {
                for (AclOperation operation : List.of(AclOperation.READ, AclOperation.DESCRIBE)) {
                    bindings.add(new AclBinding(resource, new AccessControlEntry(principal, ANY_HOST, operation,
                            AclPermissionType.ALLOW)));
                }
            }
        }
        return bindings;
    }

    /**
     * Makes the broker's ACLs those of the agencies of the directory in force on a day.
     *
     * @param adminProperties settings of an admin client of a super user
     * @return how many ACLs were created and deleted
     * @throws IllegalStateException if the broker does not answer or refuses
     */
    public static int reconcile(Map<String, Object> adminProperties, AgencyDirectory directory, LocalDate day) {
        List<String> inForce = directory.all().stream().filter(agency -> agency.isValidOn(day)).map(Agency::code)
                .toList();
        try (Admin admin = Admin.create(adminProperties)) {
            return reconcile(admin, inForce);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot set the Kafka broker's ACLs: " + e.getCause().getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while setting the Kafka broker's ACLs", e);
        }
    }

    /**
     * Makes the broker's ACLs exactly those of these agencies: creates what is missing and deletes what no agency in
     * force has any more (an agency whose dates have passed, or one removed from the directory).
     *
     * @param admin an admin client of a super user
     * @return how many ACLs were created and deleted
     */
    public static int reconcile(Admin admin, Collection<String> agencyCodes) throws InterruptedException,
            ExecutionException {
        Set<AclBinding> wanted = of(agencyCodes);
        Collection<AclBinding> present = admin.describeAcls(AclBindingFilter.ANY).values().get();
        List<AclBindingFilter> stale = new ArrayList<>();
        for (AclBinding binding : present) {
            if (!wanted.remove(binding)) {
                stale.add(binding.toFilter());
            }
        }
        if (!stale.isEmpty()) {
            admin.deleteAcls(stale).all().get();
        }
        if (!wanted.isEmpty()) {
            admin.createAcls(wanted).all().get();
        }
        return stale.size() + wanted.size();
    }
}
