package cloud.dangjian.core.plugin.spi;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Labels one component of a plugin's configuration record for the admin console's generated form, in both languages.
 * Constraints come from Bean Validation annotations on the same component, defaults from the descriptor.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER })
public @interface Setting {

    String zhCN();

    String en();

    String helpZhCN() default "";

    String helpEn() default "";
}
