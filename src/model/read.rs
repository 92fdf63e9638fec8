//! Reading Kratos's JSON into the model by hand, field by field, from a
//! parsed [`Value`].
//!
//! The model types do not derive `Deserialize`: `serde`'s generated code
//! for a struct with many optional, lenient fields and a flattened rest is
//! large (it buffers the object and builds every field reader once per
//! deserializer it meets): reading by hand took 56 KB off the drop-in
//! app's WebAssembly code. Here each named field is taken out of the object and what
//! is left is the type's `extra`. The rules: `null` or a missing field is
//! the default; a value of the wrong type is the default and counted
//! ([`dropped`]); a list leaves out the items that do not fit, each counted
//! once. The public `Deserialize` implementations parse a `Value` and read
//! it with these readers, so `serde_json::from_str::<Flow>` behaves the same.

use serde_json::{Map, Value};

thread_local! {
    /// How many values were left out because they did not fit their type.
    static DROPPED: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
}

/// How many malformed values the readers below have left out on
/// this thread so far (take the difference around a parse).
pub(crate) fn dropped() -> usize {
    DROPPED.with(std::cell::Cell::get)
}

/// Counts one more value left out.
pub(crate) fn note_dropped() {
    DROPPED.with(|count| count.set(count.get() + 1));
}

/// Sets the count (a list item counts once, whatever failed inside it).
pub(crate) fn set_dropped(count: usize) {
    DROPPED.with(|dropped| dropped.set(count));
}

/// Reads `value` as `T`, returning how many malformed parts were left out;
/// fails when `value` does not fit `T` at all (not an object).
pub(crate) fn parse_counting<T: FromJson>(value: &Value) -> Result<(T, usize), serde_json::Error> {
    let before = dropped();
    let parsed = T::from_json_value(value.clone())
        .ok_or_else(|| serde::de::Error::custom("expected a JSON object"))?;
    Ok((parsed, dropped() - before))
}

/// A model type read from a JSON value.
pub(crate) trait FromJson: Sized {
    /// The value read, or `None` when it does not fit at all (not an
    /// object, a required field missing).
    fn from_json_value(value: Value) -> Option<Self>;

    /// Reads a borrowed value (a copy of it).
    fn read(value: &Value) -> Option<Self> {
        Self::from_json_value(value.clone())
    }
}

/// The fields of one JSON object, taken out one by one.
pub(crate) struct Fields(Map<String, Value>);

impl Fields {
    /// The fields of an object; `None` for any other value.
    pub(crate) fn of(value: Value) -> Option<Self> {
        match value {
            Value::Object(map) => Some(Self(map)),
            _ => None,
        }
    }

    /// Takes a field out; `null` counts as absent.
    pub(crate) fn any(&mut self, key: &str) -> Option<Value> {
        self.required(key).filter(|value| !value.is_null())
    }

    /// Takes a field that must be there out, `null` included. The fields
    /// left keep the object's order (a shift, not a swap).
    pub(crate) fn required(&mut self, key: &str) -> Option<Value> {
        self.0.shift_remove(key)
    }

    /// Takes a field out and fits it; a value that does not fit is counted.
    fn fit<T>(&mut self, key: &str, fit: impl FnOnce(Value) -> Option<T>) -> Option<T> {
        let fitted = fit(self.any(key)?);
        if fitted.is_none() {
            note_dropped();
        }
        fitted
    }

    /// A text field.
    pub(crate) fn text(&mut self, key: &str) -> Option<String> {
        self.fit(key, String::from_json_value)
    }

    /// A boolean field.
    pub(crate) fn flag(&mut self, key: &str) -> Option<bool> {
        self.fit(key, |value| value.as_bool())
    }

    /// A whole number.
    pub(crate) fn int(&mut self, key: &str) -> Option<i64> {
        self.fit(key, |value| value.as_i64())
    }

    /// An object, as it is.
    pub(crate) fn object(&mut self, key: &str) -> Option<Map<String, Value>> {
        self.fit(key, |value| match value {
            Value::Object(map) => Some(map),
            _ => None,
        })
    }

    /// A field of a model type.
    pub(crate) fn read<T: FromJson>(&mut self, key: &str) -> Option<T> {
        self.fit(key, T::from_json_value)
    }

    /// A list that fits only whole: one item that does not fit and the
    /// list is left out (counted once).
    pub(crate) fn all<T: FromJson>(&mut self, key: &str) -> Option<Vec<T>> {
        self.fit(key, Vec::<T>::from_json_value)
    }

    /// A list: each item that does not fit is left out and counted once,
    /// whatever failed inside it; anything but a list is empty (counted).
    pub(crate) fn list<T: FromJson>(&mut self, key: &str) -> Vec<T> {
        self.fit(key, |value| match value {
            Value::Array(items) => Some(list_of(items)),
            _ => None,
        })
        .unwrap_or_default()
    }

    /// The fields not taken: the type's `extra`.
    pub(crate) fn rest(self) -> Map<String, Value> {
        self.0
    }
}

impl From<Map<String, Value>> for Fields {
    fn from(map: Map<String, Value>) -> Self {
        Self(map)
    }
}

/// A list that fits only whole: every item fits, or the list does not.
impl<T: FromJson> FromJson for Vec<T> {
    fn from_json_value(value: Value) -> Option<Self> {
        match value {
            Value::Array(items) => items.into_iter().map(T::from_json_value).collect(),
            _ => None,
        }
    }
}

/// Any JSON, as it is (the OAuth2 screens type Hydra's requests themselves).
impl FromJson for Value {
    fn from_json_value(value: Value) -> Option<Self> {
        Some(value)
    }
}

impl FromJson for String {
    fn from_json_value(value: Value) -> Option<Self> {
        match value {
            Value::String(text) => Some(text),
            _ => None,
        }
    }
}

/// The items of a list that fit, each misfit counted once.
fn list_of<T: FromJson>(items: Vec<Value>) -> Vec<T> {
    items
        .into_iter()
        .filter_map(|item| {
            let before = dropped();
            let read = T::from_json_value(item);
            if read.is_none() {
                set_dropped(before + 1);
            }
            read
        })
        .collect()
}

/// Gives a [`FromJson`] type the `Deserialize` implementation of the
/// public API (`serde_json::from_value`, `from_str`): the value is parsed,
/// then read by hand.
macro_rules! deserialize_from_json {
    ($($name:ty),+ $(,)?) => {
        $(
            impl<'de> serde::Deserialize<'de> for $name {
                fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                    let value = <serde_json::Value as serde::Deserialize>::deserialize(deserializer)?;
                    <$name as $crate::model::read::FromJson>::from_json_value(value).ok_or_else(|| {
                        <D::Error as serde::de::Error>::custom(concat!("invalid ", stringify!($name)))
                    })
                }
            }
        )+
    };
}
pub(crate) use deserialize_from_json;

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    /// Reads `key` of `object` with `read`, returning what was read, how
    /// many values were counted as left out, and the fields left over.
    fn take<T>(object: Value, read: impl FnOnce(&mut Fields) -> T) -> (T, usize, Vec<String>) {
        let mut fields = Fields::of(object).unwrap();
        let before = dropped();
        let read = read(&mut fields);
        let counted = dropped() - before;
        (read, counted, fields.rest().keys().cloned().collect())
    }

    #[test]
    fn fields_fit_or_are_counted() {
        // (object, what `text("k")` reads, counted)
        for (object, text, counted) in [
            (json!({"k": "v"}), Some("v"), 0),
            (json!({"k": null}), None, 0),
            (json!({}), None, 0),
            (json!({"k": 5}), None, 1),
            (json!({"k": ["v"]}), None, 1),
        ] {
            let (read, n, rest) = take(object.clone(), |f| f.text("k"));
            assert_eq!((read.as_deref(), n), (text, counted), "{object}");
            assert!(rest.is_empty(), "{object}: the field is taken out");
        }
        assert_eq!(take(json!({"k": true}), |f| f.flag("k")).0, Some(true));
        assert_eq!(take(json!({"k": "true"}), |f| f.flag("k")).1, 1);
        assert_eq!(take(json!({"k": 7}), |f| f.int("k")).0, Some(7));
        assert_eq!(take(json!({"k": 7.5}), |f| f.int("k")).1, 1);
        assert_eq!(take(json!({"k": 7}), |f| f.any("k")).0, Some(json!(7)));
        assert_eq!(take(json!({"k": null}), |f| f.any("k")).0, None);
        assert_eq!(take(json!({"k": []}), |f| f.object("k")).1, 1);
        assert_eq!(
            take(json!({"k": null}), |f| f.required("k")).0,
            Some(Value::Null)
        );
        assert_eq!(take(json!({}), |f| f.required("k")).0, None);
        assert!(Fields::of(json!([1])).is_none());
    }

    #[test]
    fn lists_keep_what_fits() {
        // `list`: each misfit is left out and counted once.
        let (items, counted, _) = take(json!({"k": ["a", 1, "b", {}]}), |f| f.list::<String>("k"));
        assert_eq!((items, counted), (vec!["a".to_owned(), "b".to_owned()], 2));
        let (items, counted, _) = take(json!({"k": "a"}), |f| f.list::<String>("k"));
        assert_eq!((items, counted), (Vec::new(), 1));
        let (items, counted, _) = take(json!({"k": null}), |f| f.list::<String>("k"));
        assert_eq!((items, counted), (Vec::new(), 0));
        // `all`: one misfit and the whole list is left out, counted once.
        let (items, counted, _) = take(json!({"k": ["a", 1]}), |f| f.all::<String>("k"));
        assert_eq!((items, counted), (None, 1));
        let (items, _, _) = take(json!({"k": ["a"]}), |f| f.all::<String>("k"));
        assert_eq!(items, Some(vec!["a".to_owned()]));
    }

    #[test]
    fn what_is_not_taken_is_the_rest() {
        let (_, _, rest) = take(json!({"a": 1, "b": 2, "c": null}), |f| f.int("a"));
        assert_eq!(rest, ["b", "c"]);
    }
}
