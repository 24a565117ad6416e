package cn.hemeigrid.system;

import org.apache.catalina.Host;
import org.apache.catalina.Valve;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Installs {@link ProblemErrorReportValve} as the error report valve of Tomcat's host, in place
 * of Tomcat's own, which the host then no longer adds.
 */
@Component
class TomcatErrorPages implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    private final MessageSource messages;

    TomcatErrorPages(MessageSource messages) {
        this.messages = messages;
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addContextCustomizers(context -> {
            Host host = (Host) context.getParent();
            for (Valve valve : host.getPipeline().getValves()) {
                if (valve instanceof ProblemErrorReportValve) {
                    return;
                }
            }
            host.getPipeline().addValve(new ProblemErrorReportValve(messages));
            if (host instanceof org.apache.catalina.core.StandardHost standardHost) {
                standardHost.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
            }
        });
    }
}
