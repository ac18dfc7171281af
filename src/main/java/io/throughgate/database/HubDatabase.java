package io.throughgate.database;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import io.agroal.api.AgroalDataSource;
import io.quarkus.agroal.DataSource.DataSourceLiteral;

/** The hub's database: whichever datasource the configuration activated. */
@ApplicationScoped
public class HubDatabase {

    @Inject
    @Any
    Instance<AgroalDataSource> dataSources;

    @Inject
    DatabaseConfig config;

    private volatile DataSource active;

    /** Which database the hub runs on. */
    public DatabaseKind kind() {
        return DatabaseKind.parse(config.kind());
    }

    /** The active datasource. */
    public DataSource dataSource() {
        DataSource current = active;
        if (current == null) {
            current = dataSources.select(new DataSourceLiteral(kind().datasourceName())).get();
            active = current;
        }
        return current;
    }
}
