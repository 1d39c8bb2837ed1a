package org.opensspr.bench.keycloak;

import okhttp3.Cookie;
import okhttp3.CookieJar;
import okhttp3.FormBody;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * One person's browser: its own cookies, redirects followed by hand so that the one to the client's redirect
 * URI (where the login ends) is seen rather than fetched. {@link #forget()} makes it a fresh browser.
 */
final class Browser {
    private static final int MAX_REDIRECTS = 10;

    private final Cookies cookies = new Cookies();
    private final OkHttpClient http;
    private final Predicate<HttpUrl> stopAt;

    /** {@code shared} lends its connection pool; {@code stopAt} says which redirect ends a navigation. */
    Browser(OkHttpClient shared, Predicate<HttpUrl> stopAt) {
        this.http = shared.newBuilder().cookieJar(cookies).followRedirects(false).build();
        this.stopAt = stopAt;
    }

    void forget() {
        cookies.clear();
    }

    Page get(HttpUrl url) {
        return navigate(new Request.Builder().url(url).build());
    }

    Page post(HttpUrl url, Map<String, String> fields) {
        FormBody.Builder form = new FormBody.Builder();
        fields.forEach(form::add);
        return navigate(new Request.Builder().url(url).post(form.build()).build());
    }

    private Page navigate(Request request) {
        for (int hops = 0; hops <= MAX_REDIRECTS; hops++) {
            try (Response response = http.newCall(request).execute()) {
                String location = response.header("Location");
                if (!response.isRedirect() || location == null) {
                    return new Page(request.url(), response.code(), response.body().string());
                }
                HttpUrl next = request.url().resolve(location);
                if (next == null || stopAt.test(next)) {
                    return new Page(next == null ? request.url() : next, response.code(), "");
                }
                request = new Request.Builder().url(next).build();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        throw new IllegalStateException("More than " + MAX_REDIRECTS + " redirects from " + request.url());
    }

    /** Where a navigation ended: a page's URL and body, or a redirect it stopped at (with no body). */
    record Page(HttpUrl url, int status, String body) {
    }

    /** Cookies as a browser keeps them for one site: replaced by name, dropped when expired. */
    private static final class Cookies implements CookieJar {
        private final List<Cookie> kept = new ArrayList<>();

        @Override
        public synchronized void saveFromResponse(HttpUrl url, List<Cookie> cookies) {
            for (Cookie cookie : cookies) {
                kept.removeIf(old -> old.name().equals(cookie.name()) && old.path().equals(cookie.path()));
                if (cookie.expiresAt() > System.currentTimeMillis()) {
                    kept.add(cookie);
                }
            }
        }

        @Override
        public synchronized List<Cookie> loadForRequest(HttpUrl url) {
            long now = System.currentTimeMillis();
            kept.removeIf(cookie -> cookie.expiresAt() <= now);
            HttpUrl matched = asBrowsersSee(url);
            return kept.stream().filter(cookie -> cookie.matches(matched)).toList();
        }

        /** Browsers count plain HTTP on loopback as a secure context, and send it Secure cookies too. */
        private static HttpUrl asBrowsersSee(HttpUrl url) {
            boolean loopback = url.host().equals("localhost") || url.host().startsWith("127.")
                    || url.host().equals("::1");
            return loopback && !url.isHttps() ? url.newBuilder().scheme("https").port(url.port()).build() : url;
        }

        synchronized void clear() {
            kept.clear();
        }
    }
}
