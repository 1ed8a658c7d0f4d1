package cloud.dangjian.core.identity;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The permission ({@code <area>:<action>}) a resource method needs. Default-deny: an {@code /api/} method without one
 * answers 403 to everybody but the unauthenticated, who get 401; {@link Authenticated} opts out for methods about the
 * caller themself.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.METHOD, ElementType.TYPE })
public @interface RequiresPermission {
    String value();
}
