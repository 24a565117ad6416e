package cn.hemeigrid.system;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Display names of coded values (roles, statuses, dedicated grid types, ...) in the request's
 * language, from the keys {@code <group>.<code>} of messages.properties.
 */
@Component
public class Labels {

    private final MessageSource messages;

    Labels(MessageSource messages) {
        this.messages = messages;
    }

    /** Returns the label of a code, or the code itself when no label is defined; null stays null. */
    public String of(String group, String code) {
        if (code == null) {
            return null;
        }
        return messages.getMessage(group + "." + code, null, code, LocaleContextHolder.getLocale());
    }
}
