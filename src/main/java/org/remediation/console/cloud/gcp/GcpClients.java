package org.remediation.console.cloud.gcp;

import com.google.api.client.http.HttpRequestFactory;
import com.google.api.client.http.HttpRequestInitializer;
import com.google.api.client.http.HttpTransport;
import com.google.api.client.http.apache.v2.ApacheHttpTransport;
import com.google.api.client.json.gson.GsonFactory;
import com.google.api.core.ApiFunction;
import com.google.api.gax.core.NoCredentialsProvider;
import com.google.api.gax.grpc.InstantiatingGrpcChannelProvider;
import com.google.api.gax.rpc.ClientSettings;
import com.google.api.gax.rpc.UnaryCallSettings;
import com.google.api.services.sqladmin.SQLAdmin;
import com.google.auth.http.HttpCredentialsAdapter;
import com.google.auth.oauth2.GoogleCredentials;
import com.google.cloud.compute.v1.BackendServicesClient;
import com.google.cloud.compute.v1.BackendServicesSettings;
import com.google.cloud.compute.v1.GlobalOperationsClient;
import com.google.cloud.compute.v1.GlobalOperationsSettings;
import com.google.cloud.compute.v1.HealthChecksClient;
import com.google.cloud.compute.v1.HealthChecksSettings;
import com.google.cloud.compute.v1.RegionHealthChecksClient;
import com.google.cloud.compute.v1.RegionHealthChecksSettings;
import com.google.cloud.compute.v1.RegionOperationsClient;
import com.google.cloud.compute.v1.RegionOperationsSettings;
import com.google.cloud.compute.v1.SslCertificatesClient;
import com.google.cloud.compute.v1.SslCertificatesSettings;
import com.google.cloud.monitoring.v3.MetricServiceClient;
import com.google.cloud.monitoring.v3.MetricServiceSettings;
import com.google.cloud.redis.v1.CloudRedisClient;
import com.google.cloud.redis.v1.CloudRedisSettings;
import com.google.cloud.run.v2.RevisionsClient;
import com.google.cloud.run.v2.RevisionsSettings;
import com.google.cloud.run.v2.ServicesClient;
import com.google.cloud.run.v2.ServicesSettings;
import com.google.cloud.vpcaccess.v1.VpcAccessServiceClient;
import com.google.cloud.vpcaccess.v1.VpcAccessServiceSettings;
import io.grpc.ManagedChannelBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Google's clients, each created on first use (start-up stays fast and needs no credentials) and
 * closed with the gateway. GAX's own retries are switched off: {@link GcpCalls} owns the policy,
 * and each call gets the configured deadline.
 */
final class GcpClients implements AutoCloseable {

    static final String CLOUD_PLATFORM = "https://www.googleapis.com/auth/cloud-platform";

    private final GcpProperties props;
    private final List<AutoCloseable> opened = new ArrayList<>();

    final Lazy<VpcAccessServiceClient> vpcAccess = lazy(this::newVpcAccess);
    final Lazy<HttpRequestFactory> vpcAccessRest = lazy(this::newVpcAccessRest);
    final Lazy<SQLAdmin> sqlAdmin = lazy(this::newSqlAdmin);
    final Lazy<ServicesClient> runServices = lazy(this::newRunServices);
    final Lazy<RevisionsClient> runRevisions = lazy(this::newRunRevisions);
    final Lazy<CloudRedisClient> redis = lazy(this::newRedis);
    final Lazy<MetricServiceClient> monitoring = lazy(this::newMonitoring);
    final Lazy<HealthChecksClient> healthChecks = lazy(() -> create(() -> HealthChecksClient.create(
            compute(HealthChecksSettings.newBuilder().applyToAllUnaryMethods(noGaxRetries())).build())));
    final Lazy<RegionHealthChecksClient> regionHealthChecks = lazy(() -> create(() -> RegionHealthChecksClient.create(
            compute(RegionHealthChecksSettings.newBuilder().applyToAllUnaryMethods(noGaxRetries())).build())));
    final Lazy<BackendServicesClient> backendServices = lazy(() -> create(() -> BackendServicesClient.create(
            compute(BackendServicesSettings.newBuilder().applyToAllUnaryMethods(noGaxRetries())).build())));
    final Lazy<SslCertificatesClient> sslCertificates = lazy(() -> create(() -> SslCertificatesClient.create(
            compute(SslCertificatesSettings.newBuilder().applyToAllUnaryMethods(noGaxRetries())).build())));
    final Lazy<GlobalOperationsClient> globalOperations = lazy(() -> create(() -> GlobalOperationsClient.create(
            compute(GlobalOperationsSettings.newBuilder().applyToAllUnaryMethods(noGaxRetries())).build())));
    final Lazy<RegionOperationsClient> regionOperations = lazy(() -> create(() -> RegionOperationsClient.create(
            compute(RegionOperationsSettings.newBuilder().applyToAllUnaryMethods(noGaxRetries())).build())));

    GcpClients(GcpProperties props) {
        this.props = props;
    }

    /** A value created on first {@link #get()}, once. */
    static final class Lazy<T> {
        private final Supplier<T> factory;
        private volatile @Nullable T value;

        Lazy(Supplier<T> factory) {
            this.factory = factory;
        }

        T get() {
            T v = value;
            if (v == null) {
                synchronized (this) {
                    v = value;
                    if (v == null) {
                        v = factory.get();
                        value = v;
                    }
                }
            }
            return v;
        }

        boolean created() {
            return value != null;
        }
    }

    private <T> Lazy<T> lazy(Supplier<T> factory) {
        return new Lazy<>(() -> {
            T client = factory.get();
            if (client instanceof AutoCloseable c) {
                synchronized (opened) {
                    opened.add(c);
                }
            }
            return client;
        });
    }

    private interface IoFactory<T> {
        T create() throws IOException;
    }

    private static <T> T create(IoFactory<T> factory) {
        try {
            return factory.create();
        } catch (IOException e) {
            throw new UncheckedIOException("could not create a Google client: " + e.getMessage(), e);
        }
    }

    private VpcAccessServiceClient newVpcAccess() {
        VpcAccessServiceSettings.Builder b = VpcAccessServiceSettings.newBuilder().applyToAllUnaryMethods(noGaxRetries());
        grpc(b, props.endpoints().vpcAccess());
        return create(() -> VpcAccessServiceClient.create(b.build()));
    }

    private ServicesClient newRunServices() {
        ServicesSettings.Builder b = ServicesSettings.newBuilder().applyToAllUnaryMethods(noGaxRetries());
        grpc(b, props.endpoints().run());
        return create(() -> ServicesClient.create(b.build()));
    }

    private RevisionsClient newRunRevisions() {
        RevisionsSettings.Builder b = RevisionsSettings.newBuilder().applyToAllUnaryMethods(noGaxRetries());
        grpc(b, props.endpoints().run());
        return create(() -> RevisionsClient.create(b.build()));
    }

    private CloudRedisClient newRedis() {
        CloudRedisSettings.Builder b = CloudRedisSettings.newBuilder().applyToAllUnaryMethods(noGaxRetries());
        grpc(b, props.endpoints().redis());
        return create(() -> CloudRedisClient.create(b.build()));
    }

    private MetricServiceClient newMonitoring() {
        MetricServiceSettings.Builder b = MetricServiceSettings.newBuilder().applyToAllUnaryMethods(noGaxRetries());
        grpc(b, props.endpoints().monitoring());
        return create(() -> MetricServiceClient.create(b.build()));
    }

    private void grpc(ClientSettings.Builder<?, ?> b, String endpoint) {
        if (endpoint.isBlank()) {
            return;
        }
        b.setEndpoint(endpoint);
        InstantiatingGrpcChannelProvider.Builder channel = InstantiatingGrpcChannelProvider.newBuilder()
                .setEndpoint(endpoint);
        if (GcpProperties.Endpoints.isLoopback(endpoint)) {
            channel.setChannelConfigurator(ManagedChannelBuilder::usePlaintext);
            b.setCredentialsProvider(NoCredentialsProvider.create());
        }
        b.setTransportChannelProvider(channel.build());
    }

    private <B extends ClientSettings.Builder<?, ?>> B compute(B b) {
        String endpoint = props.endpoints().compute();
        if (!endpoint.isBlank()) {
            b.setEndpoint(endpoint);
            if (GcpProperties.Endpoints.isLoopback(endpoint)) {
                b.setCredentialsProvider(NoCredentialsProvider.create());
            }
        }
        return b;
    }

    /** GAX retries off (GcpCalls owns the policy); the configured deadline on every call. */
    private ApiFunction<UnaryCallSettings.Builder<?, ?>, Void> noGaxRetries() {
        Duration timeout = props.callTimeout();
        return m -> {
            m.setSimpleTimeoutNoRetriesDuration(timeout);
            return null;
        };
    }

    private SQLAdmin newSqlAdmin() {
        String root = props.endpoints().sqlAdmin();
        SQLAdmin.Builder b = new SQLAdmin.Builder(new ApacheHttpTransport(), GsonFactory.getDefaultInstance(),
                initializer(root)).setApplicationName("remediation-console");
        if (!root.isBlank()) {
            b.setRootUrl(root.endsWith("/") ? root : root + "/");
        }
        return b.build();
    }

    private HttpRequestFactory newVpcAccessRest() {
        String endpoint = props.endpoints().vpcAccessRest();
        HttpTransport transport = new ApacheHttpTransport();
        return transport.createRequestFactory(initializer(endpoint));
    }

    /** Credentials (unless loopback) and the call deadline on every discovery/REST request. */
    private HttpRequestInitializer initializer(String endpoint) {
        int millis = (int) props.callTimeout().toMillis();
        HttpRequestInitializer auth = GcpProperties.Endpoints.isLoopback(endpoint) ? r -> { }
                : new HttpCredentialsAdapter(credentials());
        return request -> {
            auth.initialize(request);
            request.setConnectTimeout(millis);
            request.setReadTimeout(millis);
            request.setNumberOfRetries(0);
        };
    }

    private static GoogleCredentials credentials() {
        try {
            return GoogleCredentials.getApplicationDefault().createScoped(List.of(CLOUD_PLATFORM));
        } catch (IOException e) {
            throw new UncheckedIOException("Application Default Credentials not found: set "
                    + "GOOGLE_APPLICATION_CREDENTIALS, run 'gcloud auth application-default login', "
                    + "or run on Google Cloud with a service account", e);
        }
    }

    @Override
    public void close() {
        synchronized (opened) {
            for (AutoCloseable c : opened) {
                try {
                    c.close();
                } catch (Exception ignored) {
                    // closing on shutdown: nothing left to do
                }
            }
            opened.clear();
        }
    }
}
