//! The example's server: axum + leptos_axum. Each page request gets the
//! browser's cookies to Kratos and the page's public address in context
//! ([`ServerRequest`], [`PageUrl`]); what the components decide while
//! rendering (Kratos's `Set-Cookie` headers, a `303 See Other`) goes into
//! the response. A strict Content-Security-Policy with a fresh nonce for
//! Leptos's hydration scripts.
//!
//! ```text
//! leptos-kratos-ssr-example --port 3000 --public-url http://localhost:3000 \
//!     --kratos-url http://localhost:4433 --site target/ssr-site
//! ```

use axum::Router;
use axum::http::{HeaderValue, StatusCode, header};
use leptos::config::LeptosOptions;
use leptos::prelude::*;
use leptos_axum::{LeptosRoutes, ResponseOptions, generate_route_list};
use leptos_kratos::server::{ServerReply, ServerRequest};
use leptos_kratos::url::PageUrl;
use leptos_kratos_ssr_example::App;

/// The server's settings, from `--name value` arguments.
#[derive(Clone)]
struct Settings {
    port: u16,
    public_url: String,
    kratos_url: String,
    site: String,
}

fn settings() -> Settings {
    let args: Vec<String> = std::env::args().collect();
    let value = |name: &str, default: &str| {
        args.iter()
            .position(|arg| arg == name)
            .and_then(|at| args.get(at + 1))
            .cloned()
            .unwrap_or_else(|| default.to_owned())
    };
    let port = value("--port", "3000").parse().unwrap_or(3000);
    Settings {
        port,
        public_url: value("--public-url", &format!("http://localhost:{port}")),
        kratos_url: value("--kratos-url", "http://localhost:4433"),
        site: value("--site", "target/ssr-site"),
    }
}

#[tokio::main]
async fn main() {
    let settings = settings();
    let options = LeptosOptions::builder()
        .output_name("ssr_example")
        .site_root(settings.site.clone())
        .site_pkg_dir("pkg")
        .build();
    let routes = generate_route_list({
        let kratos_url = settings.kratos_url.clone();
        move || view! { <App kratos_url=kratos_url.clone() /> }
    });
    let context = {
        let settings = settings.clone();
        move || provide_request_context(&settings)
    };
    let app = Router::new()
        .leptos_routes_with_context(&options, routes, context, {
            let (options, kratos_url) = (options.clone(), settings.kratos_url.clone());
            move || shell(options.clone(), kratos_url.clone())
        })
        // The module, its script and the stylesheet, as .ci/build-ssr
        // precompressed them (brotli, else gzip) when the browser accepts it.
        .nest_service(
            "/pkg",
            tower_http::services::ServeDir::new(format!("{}/pkg", settings.site))
                .precompressed_br()
                .precompressed_gzip(),
        )
        .with_state(options);
    let listener = tokio::net::TcpListener::bind(("127.0.0.1", settings.port))
        .await
        .expect("the port is free");
    println!("listening on {}", settings.public_url);
    axum::serve(listener, app).await.expect("the server runs");
}

/// Puts what the components need from this request in context: its public
/// address, the browser's cookies, and where Kratos's answers go; and sends
/// a strict Content-Security-Policy for the page.
fn provide_request_context(settings: &Settings) {
    let (Some(request), Some(response)) = (
        use_context::<axum::http::request::Parts>(),
        use_context::<ResponseOptions>(),
    ) else {
        return;
    };
    let path = request
        .uri
        .path_and_query()
        .map_or("/", |path| path.as_str());
    provide_context(PageUrl(format!("{}{path}", settings.public_url)));
    let cookie = request
        .headers
        .get(header::COOKIE)
        .and_then(|value| value.to_str().ok())
        .map(str::to_owned);
    let replies = response.clone();
    provide_context(ServerRequest::new(cookie, move |reply| match reply {
        ServerReply::SetCookie(cookie) => {
            if let Ok(value) = HeaderValue::from_str(&cookie) {
                replies.append_header(header::SET_COOKIE, value);
            }
        }
        ServerReply::Redirect(url) => {
            if let Ok(value) = HeaderValue::from_str(&url) {
                replies.insert_header(header::LOCATION, value);
                replies.set_status(StatusCode::SEE_OTHER);
            }
        }
    }));
    if let Some(nonce) = leptos::nonce::use_nonce() {
        let policy = format!(
            "default-src 'self'; script-src 'nonce-{nonce}' 'strict-dynamic' 'wasm-unsafe-eval'; \
             style-src 'self'; img-src 'self' data:; connect-src 'self' {kratos}; \
             form-action 'self' {kratos}; frame-ancestors 'none'; base-uri 'none'; object-src 'none'",
            kratos = settings.kratos_url
        );
        if let Ok(value) = HeaderValue::from_str(&policy) {
            response.insert_header(header::CONTENT_SECURITY_POLICY, value);
        }
    }
}

/// The HTML around the app: the stylesheet, Kratos's URL for the browser,
/// and Leptos's hydration scripts.
fn shell(options: LeptosOptions, kratos_url: String) -> impl IntoView {
    view! {
        <!DOCTYPE html>
        <html lang="en">
            <head>
                <meta charset="utf-8" />
                <meta name="viewport" content="width=device-width, initial-scale=1" />
                <meta name="kratos-url" content=kratos_url.clone() />
                <title>"Sign in"</title>
                <link rel="icon" href="data:," />
                <link rel="stylesheet" href="/pkg/leptos-kratos.css" />
                <HydrationScripts options />
            </head>
            <body>
                <App kratos_url />
            </body>
        </html>
    }
}
