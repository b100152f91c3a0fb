package io.ringway.middleware.proxylogging;

import io.ringway.testing.PythonSwift;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * What Swift 2.30's own {@code ProxyLoggingMiddleware.log_request} logs for a request, run in
 * Debian's python3 with a logger that prints the line, and the sensitive headers and parameters
 * of tempurl and s3api registered as when they are in the pipeline: the reference our lines are compared to.
 */
final class SwiftLogRequest {

    private static final String SCRIPT = """
            import json, sys
            from swift.common.middleware import proxy_logging
            from swift.common.swob import Request

            class Printer(object):
                def info(self, msg):
                    print(msg)
                def timing(self, *args, **kwargs):
                    pass
                def update_stats(self, *args, **kwargs):
                    pass

            a = json.loads(sys.argv[1])
            from swift.common.registry import register_sensitive_header, register_sensitive_param
            proxy_logging.filter_factory({})  # registers x-auth-token and x-storage-token
            register_sensitive_param('temp_url_sig')  # as tempurl does
            register_sensitive_header('authorization')  # as s3api does
            register_sensitive_param('Signature')
            register_sensitive_param('X-Amz-Signature')
            mw = proxy_logging.ProxyLoggingMiddleware(None, a['conf'], logger=Printer())
            env = {'REMOTE_ADDR': a['remote_addr'], 'SERVER_PROTOCOL': 'HTTP/1.1',
                   'REQUEST_METHOD': a['method']}
            env.update(a['environ'])
            req = Request.blank(a['path'], environ=env, headers=dict(a['headers']))
            mw.log_request(req, a['status'], a['recvd'], a['sent'], a['start'], a['end'],
                           resp_headers=a['resp_headers'], ttfb=a['ttfb'])
            """;

    private final Map<String, Object> args = new LinkedHashMap<>();

    SwiftLogRequest(String method, String path, List<List<String>> headers, String remoteAddr) {
        args.put("method", method);
        args.put("path", path);
        args.put("headers", headers);
        args.put("remote_addr", remoteAddr);
        args.put("conf", Map.of());
        args.put("environ", Map.of());
        args.put("resp_headers", Map.of());
        args.put("recvd", 0);
        args.put("sent", 0);
        args.put("ttfb", 0);
    }

    SwiftLogRequest set(String key, Object value) {
        args.put(key, value);
        return this;
    }

    /** The line Swift logs for a request that ended with {@code status} at these times. */
    String line(String python, int status, double start, double end) throws Exception {
        args.put("status", status);
        args.put("start", start);
        args.put("end", end);
        return PythonSwift.run(python, SCRIPT, JsonMapper.shared().writeValueAsString(args));
    }
}
