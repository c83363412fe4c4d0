//! Colour themes: TOML files naming a style for each role, bundled and user-provided.

use ratatui::style::{Color, Modifier, Style};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The roles a theme styles.
pub const ROLES: &[&str] = &[
    "text",
    "dim",
    "title",
    "person",
    "anonymous",
    "named",
    "organization",
    "media",
    "document",
    "quote",
    "emphasis",
    "selection",
    "search",
    "border",
    "focus",
    "warning",
    "status",
];

/// The bundled themes, in cycling order.
pub const BUNDLED: &[(&str, &str)] = &[
    ("dark", include_str!("../../themes/dark.toml")),
    ("light", include_str!("../../themes/light.toml")),
    (
        "high-contrast",
        include_str!("../../themes/high-contrast.toml"),
    ),
    ("mono", include_str!("../../themes/mono.toml")),
];

#[derive(Debug, Clone)]
pub struct Theme {
    pub name: String,
    styles: BTreeMap<String, Style>,
}

/// A theme that could not be read, with where and why.
#[derive(Debug, thiserror::Error)]
#[error("{file}:{line}: {message}")]
pub struct ThemeError {
    pub file: String,
    pub line: usize,
    pub message: String,
}

impl Theme {
    pub fn style(&self, role: &str) -> Style {
        self.styles.get(role).copied().unwrap_or_default()
    }

    /// Parses a theme file's text; `file` names it in errors.
    pub fn parse(file: &str, src: &str) -> Result<Theme, ThemeError> {
        let err = |line: usize, message: String| ThemeError {
            file: file.to_string(),
            line,
            message,
        };
        let table: toml::Table = src.parse().map_err(|e: toml::de::Error| {
            let line = e.span().map_or(1, |s| line_at(src, s.start));
            err(line, e.message().to_string())
        })?;
        let name = table
            .get("name")
            .and_then(|v| v.as_str())
            .unwrap_or(file)
            .to_string();
        let roles = match table.get("roles") {
            Some(toml::Value::Table(t)) => t,
            Some(_) => {
                return Err(err(
                    line_of_key(src, "roles"),
                    "`roles` must be a table".into(),
                ))
            }
            None => return Err(err(1, "missing the [roles] table".into())),
        };
        let mut styles = BTreeMap::new();
        for (role, value) in roles {
            if !ROLES.contains(&role.as_str()) {
                return Err(err(
                    line_of_key(src, role),
                    format!("unknown role `{role}` (roles: {})", ROLES.join(", ")),
                ));
            }
            let style = parse_style(value)
                .map_err(|m| err(line_of_key(src, role), format!("role `{role}`: {m}")))?;
            styles.insert(role.clone(), style);
        }
        Ok(Theme { name, styles })
    }

    pub fn bundled(name: &str) -> Option<Theme> {
        BUNDLED.iter().find(|(n, _)| *n == name).map(|(n, src)| {
            Theme::parse(&format!("themes/{n}.toml"), src).expect("bundled themes parse")
        })
    }

    /// `--theme NAME|PATH`: a path to a TOML file, a theme in the user's theme folder,
    /// or a bundled theme.
    pub fn load(spec: &str) -> anyhow::Result<Theme> {
        let as_path = Path::new(spec);
        if spec.ends_with(".toml") || as_path.exists() {
            return from_file(as_path);
        }
        if let Some(user) = user_dir()
            .map(|d| d.join(format!("{spec}.toml")))
            .filter(|p| p.exists())
        {
            return from_file(&user);
        }
        Theme::bundled(spec).ok_or_else(|| {
            let names: Vec<&str> = BUNDLED.iter().map(|(n, _)| *n).collect();
            anyhow::anyhow!(
                "no theme named `{spec}` (bundled: {}; or give a .toml path)",
                names.join(", ")
            )
        })
    }

    /// The themes to cycle through: the bundled ones, with user files of the same name
    /// in their place and other user files after them.
    pub fn all() -> Vec<Theme> {
        let mut themes: Vec<Theme> = BUNDLED
            .iter()
            .filter_map(|(n, _)| Theme::bundled(n))
            .collect();
        if let Some(dir) = user_dir() {
            let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
                .into_iter()
                .flatten()
                .flatten()
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|e| e == "toml"))
                .collect();
            files.sort();
            for f in files {
                match from_file(&f) {
                    Ok(t) => match themes.iter_mut().find(|x| x.name == t.name) {
                        Some(slot) => *slot = t,
                        None => themes.push(t),
                    },
                    Err(e) => eprintln!("onrecord: warning: {e:#}"),
                }
            }
        }
        themes
    }
}

fn from_file(path: &Path) -> anyhow::Result<Theme> {
    let src =
        std::fs::read_to_string(path).map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))?;
    Ok(Theme::parse(&path.display().to_string(), &src)?)
}

/// `$XDG_CONFIG_HOME/onrecord/themes` (or the platform's config folder).
pub fn user_dir() -> Option<PathBuf> {
    dirs::config_dir().map(|d| d.join("onrecord").join("themes"))
}

fn line_at(src: &str, byte: usize) -> usize {
    src[..byte.min(src.len())].matches('\n').count() + 1
}

fn line_of_key(src: &str, key: &str) -> usize {
    src.lines()
        .position(|l| {
            let t = l.trim_start();
            t.strip_prefix(key)
                .is_some_and(|rest| rest.trim_start().starts_with('='))
                || t == format!("[{key}]")
        })
        .map_or(1, |i| i + 1)
}

fn parse_style(value: &toml::Value) -> Result<Style, String> {
    let toml::Value::Table(t) = value else {
        return Err("expected a table such as { fg = \"red\", bold = true }".into());
    };
    let mut style = Style::default();
    for (k, v) in t {
        match k.as_str() {
            "fg" | "bg" => {
                let s = v
                    .as_str()
                    .ok_or_else(|| format!("`{k}` must be a colour name or \"#rrggbb\""))?;
                let c = parse_color(s).ok_or_else(|| format!("`{k}`: `{s}` is not a colour (a name such as \"lightblue\", or \"#rrggbb\")"))?;
                style = if k == "fg" { style.fg(c) } else { style.bg(c) };
            }
            "bold" | "italic" | "underline" | "reversed" | "dim" => {
                let on = v
                    .as_bool()
                    .ok_or_else(|| format!("`{k}` must be true or false"))?;
                let m = match k.as_str() {
                    "bold" => Modifier::BOLD,
                    "italic" => Modifier::ITALIC,
                    "underline" => Modifier::UNDERLINED,
                    "reversed" => Modifier::REVERSED,
                    _ => Modifier::DIM,
                };
                if on {
                    style = style.add_modifier(m);
                }
            }
            other => {
                return Err(format!(
                    "unknown key `{other}` (fg, bg, bold, italic, underline, reversed, dim)"
                ))
            }
        }
    }
    Ok(style)
}

fn parse_color(s: &str) -> Option<Color> {
    if s == "default" {
        return Some(Color::Reset);
    }
    if let Some(hex) = s.strip_prefix('#') {
        if hex.len() == 6 {
            let v = u32::from_str_radix(hex, 16).ok()?;
            return Some(Color::Rgb((v >> 16) as u8, (v >> 8) as u8, v as u8));
        }
        return None;
    }
    s.parse::<Color>().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bundled_themes_parse_and_style_every_role() {
        for (name, _) in BUNDLED {
            let t = Theme::bundled(name).unwrap();
            assert_eq!(&t.name, name);
            assert_eq!(t.styles.len(), ROLES.len(), "{name} styles every role");
        }
    }

    #[test]
    fn errors_name_file_line_and_key() {
        let src = "name = \"x\"\n[roles]\ntext = { fg = \"white\" }\nperson = { fg = \"chartreuse-ish\" }\n";
        let e = Theme::parse("mine.toml", src).unwrap_err();
        assert_eq!(e.line, 4);
        assert!(
            e.to_string().starts_with("mine.toml:4: role `person`"),
            "{e}"
        );
        let e = Theme::parse(
            "mine.toml",
            "[roles]\ntext = { fg = \"red\" }\nheadline = {}\n",
        )
        .unwrap_err();
        assert_eq!(
            e.to_string(),
            format!(
                "mine.toml:3: unknown role `headline` (roles: {})",
                ROLES.join(", ")
            )
        );
        let e = Theme::parse("bad.toml", "[roles\ntext = 1").unwrap_err();
        assert_eq!(e.line, 1);
        let e =
            Theme::parse("b.toml", "[roles]\ntext = { fg = \"red\", blink = true }").unwrap_err();
        assert!(e.message.contains("unknown key `blink`"));
    }
}
