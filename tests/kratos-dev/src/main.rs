//! `kratos-dev`: runs the Kratos-compatible development server.

use kratos_dev::{Config, Server, config};

#[tokio::main]
async fn main() {
    let config = match Config::from_env_and_args(std::env::args().skip(1)) {
        Ok(config) => config,
        Err(message) => {
            eprintln!("{message}");
            std::process::exit(if message.starts_with("kratos-dev:") {
                0
            } else {
                2
            });
        }
    };
    let listener = match tokio::net::TcpListener::bind(("127.0.0.1", config.port)).await {
        Ok(listener) => listener,
        Err(e) => {
            eprintln!(
                "kratos-dev: cannot listen on 127.0.0.1:{}: {e}",
                config.port
            );
            std::process::exit(1);
        }
    };
    println!(
        "kratos-dev: Kratos-compatible development server (a test double, not for production)"
    );
    println!("  listening on   http://127.0.0.1:{}", config.port);
    println!("  public URL     {}", config.public_url);
    println!("  UI pages under {}", config.ui_url);
    if config.seed {
        println!(
            "  demo account   {} / {}",
            config::DEMO_EMAIL,
            config::DEMO_PASSWORD
        );
    }
    println!("  mailbox        {}/__dev/mail", config.public_url);
    let server = Server::new(config);
    tokio::select! {
        result = server.serve(listener) => {
            if let Err(e) = result {
                eprintln!("kratos-dev: {e}");
                std::process::exit(1);
            }
        }
        _ = tokio::signal::ctrl_c() => {}
    }
}
