package cloud.dangjian.core.database;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.orm.JsonFormat;
import io.quarkus.hibernate.orm.PersistenceUnitExtension;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import org.hibernate.type.descriptor.WrapperOptions;
import org.hibernate.type.descriptor.java.JavaType;
import org.hibernate.type.format.FormatMapper;
import org.hibernate.type.format.jackson.JacksonJsonFormatMapper;

/**
 * Reads and writes JSON columns (plugin settings) with an ObjectMapper of their own. Handing Hibernate the REST layer's
 * mapper let it change that mapper's settings, which cost API errors their field paths; stored JSON must not depend on
 * how the API happens to be tuned either.
 */
@JsonFormat
@PersistenceUnitExtension
@ApplicationScoped
public class JsonColumnFormat implements FormatMapper {

    private final FormatMapper delegate = new JacksonJsonFormatMapper(new ObjectMapper().findAndRegisterModules());

    @Override
    public <T> T fromString(CharSequence json, JavaType<T> type, WrapperOptions options) {
        return delegate.fromString(json, type, options);
    }

    @Override
    public <T> String toString(T value, JavaType<T> type, WrapperOptions options) {
        return delegate.toString(value, type, options);
    }

    @Override
    public boolean supportsSourceType(Class<?> sourceType) {
        return delegate.supportsSourceType(sourceType);
    }

    @Override
    public boolean supportsTargetType(Class<?> targetType) {
        return delegate.supportsTargetType(targetType);
    }

    @Override
    public <T> void writeToTarget(T value, JavaType<T> type, Object target, WrapperOptions options) throws IOException {
        delegate.writeToTarget(value, type, target, options);
    }

    @Override
    public <T> T readFromSource(JavaType<T> type, Object source, WrapperOptions options) throws IOException {
        return delegate.readFromSource(type, source, options);
    }
}
