//! Colour themes: TOML files naming a style for each role, bundled and user-provided.

use super::settings_file::{self, FileError};
use crate::annotate::SourceKind;
use ratatui::style::{Color, Modifier, Style};
use serde::de::Error as _;
use serde::{Deserialize, Deserializer};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// What a theme styles. The kinds of sources take their role from the kind itself, so
/// a new kind needs no edit here: its role is named by `SourceKind::name`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Role {
    Text,
    Dim,
    Title,
    Person,
    Kind(SourceKind),
    Quote,
    Emphasis,
    Selection,
    Search,
    Border,
    Focus,
    Warning,
    Status,
}

impl Role {
    /// The roles before the kinds and after them, in the order theme files list them.
    const BEFORE_KINDS: [Role; 4] = [Role::Text, Role::Dim, Role::Title, Role::Person];
    const AFTER_KINDS: [Role; 8] = [
        Role::Quote,
        Role::Emphasis,
        Role::Selection,
        Role::Search,
        Role::Border,
        Role::Focus,
        Role::Warning,
        Role::Status,
    ];

    /// Every role, as a theme file lists them.
    pub fn all() -> Vec<Role> {
        let kinds = SourceKind::ALL.into_iter().map(Role::Kind);
        Role::BEFORE_KINDS
            .into_iter()
            .chain(kinds)
            .chain(Role::AFTER_KINDS)
            .collect()
    }

    /// Its name in theme files.
    pub fn name(self) -> &'static str {
        match self {
            Role::Text => "text",
            Role::Dim => "dim",
            Role::Title => "title",
            Role::Person => "person",
            Role::Kind(kind) => kind.name(),
            Role::Quote => "quote",
            Role::Emphasis => "emphasis",
            Role::Selection => "selection",
            Role::Search => "search",
            Role::Border => "border",
            Role::Focus => "focus",
            Role::Warning => "warning",
            Role::Status => "status",
        }
    }

    pub fn from_name(name: &str) -> Option<Role> {
        Role::all().into_iter().find(|r| r.name() == name)
    }
}

/// The names of the roles a theme styles, as theme files write them.
pub fn role_names() -> Vec<&'static str> {
    Role::all().into_iter().map(Role::name).collect()
}

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
    styles: BTreeMap<Role, Style>,
}

/// A theme that could not be read, with where and why.
#[derive(Debug, thiserror::Error)]
pub enum ThemeError {
    #[error(transparent)]
    File(#[from] FileError),
    #[error("no theme named `{name}` (bundled: {bundled}; or give a .toml path)")]
    Unknown { name: String, bundled: String },
}

impl ThemeError {
    /// The line of the file the error is on, where there is one.
    pub fn line(&self) -> Option<usize> {
        match self {
            ThemeError::File(e) => e.line(),
            ThemeError::Unknown { .. } => None,
        }
    }
}

/// A theme file as written: an optional name and a table of roles.
#[derive(Deserialize)]
struct ThemeFile {
    name: Option<String>,
    roles: Option<toml::Value>,
}

/// One role's style as written: `{ fg = "red", bold = true }`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct StyleSpec {
    #[serde(default, deserialize_with = "foreground")]
    fg: Option<Color>,
    #[serde(default, deserialize_with = "background")]
    bg: Option<Color>,
    #[serde(default)]
    bold: bool,
    #[serde(default)]
    italic: bool,
    #[serde(default)]
    underline: bool,
    #[serde(default)]
    reversed: bool,
    #[serde(default)]
    dim: bool,
}

impl StyleSpec {
    fn style(&self) -> Style {
        let mut style = Style::default();
        if let Some(c) = self.fg {
            style = style.fg(c);
        }
        if let Some(c) = self.bg {
            style = style.bg(c);
        }
        let flags = [
            (self.bold, Modifier::BOLD),
            (self.italic, Modifier::ITALIC),
            (self.underline, Modifier::UNDERLINED),
            (self.reversed, Modifier::REVERSED),
            (self.dim, Modifier::DIM),
        ];
        for (on, m) in flags {
            if on {
                style = style.add_modifier(m);
            }
        }
        style
    }
}

fn foreground<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Color>, D::Error> {
    colour("fg", d)
}

fn background<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Color>, D::Error> {
    colour("bg", d)
}

/// A colour as written under `key`: a name such as "lightblue", "#rrggbb" or "default".
fn colour<'de, D: Deserializer<'de>>(key: &str, d: D) -> Result<Option<Color>, D::Error> {
    let s = String::deserialize(d).map_err(|e| {
        D::Error::custom(format!(
            "`{key}` must be a colour name or \"#rrggbb\" ({e})"
        ))
    })?;
    parse_color(&s).map(Some).ok_or_else(|| {
        D::Error::custom(format!(
            "`{key}`: `{s}` is not a colour (a name such as \"lightblue\", or \"#rrggbb\")"
        ))
    })
}

impl Theme {
    pub fn style(&self, role: Role) -> Style {
        self.styles.get(&role).copied().unwrap_or_default()
    }

    /// Parses a theme file's text; `file` names it in errors.
    pub fn parse(file: &str, src: &str) -> Result<Theme, ThemeError> {
        let err = |line: usize, message: String| FileError::invalid(file, line, message).into();
        let parsed: ThemeFile = settings_file::parse(file, src)?;
        let roles = match parsed.roles {
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
        for (name, value) in roles {
            let line = line_of_key(src, &name);
            let role = Role::from_name(&name).ok_or_else(|| {
                let known = role_names().join(", ");
                err(line, format!("unknown role `{name}` (roles: {known})"))
            })?;
            let spec = StyleSpec::deserialize(value)
                .map_err(|e| err(line, format!("role `{name}`: {}", e.message())))?;
            styles.insert(role, spec.style());
        }
        let name = parsed.name.unwrap_or_else(|| file.to_string());
        Ok(Theme { name, styles })
    }

    pub fn bundled(name: &str) -> Option<Theme> {
        BUNDLED.iter().find(|(n, _)| *n == name).map(|(n, src)| {
            Theme::parse(&format!("themes/{n}.toml"), src).expect("bundled themes parse")
        })
    }

    /// `--theme NAME|PATH`: a path to a TOML file, a theme in the user's theme folder,
    /// or a bundled theme.
    pub fn load(spec: &str) -> Result<Theme, ThemeError> {
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
            ThemeError::Unknown {
                name: spec.to_string(),
                bundled: names.join(", "),
            }
        })
    }

    /// The themes to cycle through: the bundled ones, with user files of the same name
    /// in their place and other user files after them; and what was wrong with the user
    /// files left out, for the caller to show.
    pub fn all() -> (Vec<Theme>, Vec<String>) {
        let mut themes: Vec<Theme> = BUNDLED
            .iter()
            .filter_map(|(n, _)| Theme::bundled(n))
            .collect();
        let mut warnings = Vec::new();
        for f in user_theme_files() {
            match from_file(&f) {
                Ok(t) => match themes.iter_mut().find(|x| x.name == t.name) {
                    Some(slot) => *slot = t,
                    None => themes.push(t),
                },
                Err(e) => warnings.push(e.to_string()),
            }
        }
        (themes, warnings)
    }
}

/// The `.toml` files of the user's theme folder, by name.
fn user_theme_files() -> Vec<PathBuf> {
    let Some(dir) = user_dir() else {
        return Vec::new();
    };
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    files.sort();
    files
}

fn from_file(path: &Path) -> Result<Theme, ThemeError> {
    let src = settings_file::read(path)?;
    Theme::parse(&path.display().to_string(), &src)
}

/// `$XDG_CONFIG_HOME/onrecord/themes` (or the platform's config folder).
pub fn user_dir() -> Option<PathBuf> {
    dirs::config_dir().map(|d| d.join("onrecord").join("themes"))
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
            assert_eq!(
                t.styles.len(),
                Role::all().len(),
                "{name} styles every role"
            );
        }
    }

    #[test]
    fn every_role_has_its_own_name() {
        for r in Role::all() {
            assert_eq!(Role::from_name(r.name()), Some(r));
        }
        assert_eq!(
            Role::from_name("anonymous"),
            Some(Role::Kind(SourceKind::Anonymous))
        );
    }

    #[test]
    fn errors_name_file_line_and_key() {
        let src = "name = \"x\"\n[roles]\ntext = { fg = \"white\" }\nperson = { fg = \"chartreuse-ish\" }\n";
        let e = Theme::parse("mine.toml", src).unwrap_err();
        assert_eq!(e.line(), Some(4));
        assert!(
            e.to_string().starts_with("mine.toml:4: role `person`"),
            "{e}"
        );
        assert!(
            e.to_string().contains("`chartreuse-ish` is not a colour"),
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
                role_names().join(", ")
            )
        );
        let e = Theme::parse("bad.toml", "[roles\ntext = 1").unwrap_err();
        assert_eq!(e.line(), Some(1));
        let e =
            Theme::parse("b.toml", "[roles]\ntext = { fg = \"red\", blink = true }").unwrap_err();
        assert!(e.to_string().contains("unknown field `blink`"), "{e}");
        let e = Theme::parse("b.toml", "[roles]\ntext = { bold = \"yes\" }").unwrap_err();
        assert!(e.to_string().starts_with("b.toml:2: role `text`"), "{e}");
    }
}
