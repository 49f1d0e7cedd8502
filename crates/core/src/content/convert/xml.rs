//! A small XML reader for Moodle XML imports: elements, attributes, text,
//! CDATA, comments and the five entities and character references, each
//! element with the line it starts on. No DTD (a `<!DOCTYPE` is refused,
//! so no entity can expand) and at most [`MAX_DEPTH`] open elements; the
//! work is one pass over the text.

/// The deepest nesting read (Moodle XML needs about 6).
pub const MAX_DEPTH: usize = 64;

#[derive(Debug, Default, Clone, PartialEq)]
pub struct Element {
    pub name: String,
    /// The 1-based line of its start tag.
    pub line: usize,
    attrs: Vec<(String, String)>,
    nodes: Vec<Node>,
}

#[derive(Debug, Clone, PartialEq)]
enum Node {
    Text(String),
    Element(Element),
}

impl Element {
    pub fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    /// The child elements, in order.
    pub fn elements(&self) -> impl Iterator<Item = &Element> {
        self.nodes.iter().filter_map(|n| match n {
            Node::Element(e) => Some(e),
            Node::Text(_) => None,
        })
    }

    pub fn children<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a Element> + 'a {
        self.elements().filter(move |e| e.name == name)
    }

    pub fn child(&self, name: &str) -> Option<&Element> {
        self.elements().find(|e| e.name == name)
    }

    /// The element's own text (not its children's).
    pub fn text(&self) -> String {
        self.nodes
            .iter()
            .filter_map(|n| match n {
                Node::Text(t) => Some(t.as_str()),
                Node::Element(_) => None,
            })
            .collect()
    }

    /// The text of the child `name`'s `<text>`, as Moodle nests it
    /// (`<questiontext><text>...</text></questiontext>`), or its own text.
    pub fn text_of(&self, name: &str) -> Option<String> {
        let child = self.child(name)?;
        Some(
            child
                .child("text")
                .map_or_else(|| child.text(), Element::text),
        )
    }
}

/// Why the text is not XML this reader takes, and the line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct XmlError {
    pub line: usize,
    pub message: String,
}

/// Counts lines as the reader moves forward, so finding the line of every
/// element reads the text once.
struct Lines<'a> {
    text: &'a str,
    offset: usize,
    line: usize,
}

impl Lines<'_> {
    fn at(&mut self, offset: usize) -> usize {
        let offset = offset.min(self.text.len());
        if offset > self.offset {
            let skipped = self.text.get(self.offset..offset).unwrap_or("");
            self.line += skipped.bytes().filter(|&b| b == b'\n').count();
            self.offset = offset;
        }
        self.line
    }
}

pub fn parse(input: &str) -> Result<Element, XmlError> {
    let mut lines = Lines {
        text: input,
        offset: 0,
        line: 1,
    };
    let mut rest = input;
    let err = |lines: &mut Lines, rest: &str, message: String| XmlError {
        line: lines.at(input.len() - rest.len()),
        message,
    };
    let mut stack: Vec<Element> = vec![Element::default()];
    while !rest.is_empty() {
        if let Some(after) = rest.strip_prefix("<?") {
            let Some(end) = after.find("?>") else {
                return Err(err(
                    &mut lines,
                    rest,
                    "a declaration \"<?\" is never closed with \"?>\"".into(),
                ));
            };
            rest = &after[end + 2..];
        } else if rest.starts_with("<!DOCTYPE") || rest.starts_with("<!doctype") {
            return Err(err(
                &mut lines,
                rest,
                "a DOCTYPE is not read (Moodle XML has none); remove it".into(),
            ));
        } else if let Some(after) = rest.strip_prefix("<![CDATA[") {
            let Some(end) = after.find("]]>") else {
                return Err(err(
                    &mut lines,
                    rest,
                    "a CDATA section is never closed with \"]]>\"".into(),
                ));
            };
            push_text(&mut stack, &after[..end]);
            rest = &after[end + 3..];
        } else if let Some(after) = rest.strip_prefix("<!--") {
            let Some(end) = after.find("-->") else {
                return Err(err(
                    &mut lines,
                    rest,
                    "a comment is never closed with \"-->\"".into(),
                ));
            };
            rest = &after[end + 3..];
        } else if let Some(after) = rest.strip_prefix("</") {
            let Some(end) = after.find('>') else {
                return Err(err(
                    &mut lines,
                    rest,
                    "an end tag is never closed with \">\"".into(),
                ));
            };
            let name = after[..end].trim();
            let open = stack.len();
            let element = match stack.pop() {
                Some(e) if open > 1 => e,
                _ => return Err(err(&mut lines, rest, format!("</{name}> closes nothing"))),
            };
            if element.name != name {
                return Err(err(
                    &mut lines,
                    rest,
                    format!(
                        "</{name}> closes <{}> (line {})",
                        element.name, element.line
                    ),
                ));
            }
            if let Some(parent) = stack.last_mut() {
                parent.nodes.push(Node::Element(element));
            }
            rest = &after[end + 1..];
        } else if let Some(after) = rest.strip_prefix('<') {
            let Some(end) = after.find('>') else {
                return Err(err(
                    &mut lines,
                    rest,
                    "a start tag is never closed with \">\"".into(),
                ));
            };
            let mut tag = &after[..end];
            let empty = tag.ends_with('/');
            if empty {
                tag = &tag[..tag.len() - 1];
            }
            let line = lines.at(input.len() - rest.len());
            let mut element = start_tag(tag).map_err(|message| XmlError { line, message })?;
            element.line = line;
            if empty {
                if let Some(parent) = stack.last_mut() {
                    parent.nodes.push(Node::Element(element));
                }
            } else {
                if stack.len() > MAX_DEPTH {
                    return Err(XmlError {
                        line,
                        message: format!("elements nest more than {MAX_DEPTH} deep"),
                    });
                }
                stack.push(element);
            }
            rest = &after[end + 1..];
        } else {
            let end = rest.find('<').unwrap_or(rest.len());
            let text = decode(&rest[..end]).map_err(|(at, message)| XmlError {
                line: lines.at(input.len() - rest.len() + at),
                message,
            })?;
            if stack.len() == 1 && !text.trim().is_empty() {
                return Err(err(
                    &mut lines,
                    rest,
                    "text outside the root element".into(),
                ));
            }
            push_text(&mut stack, &text);
            rest = &rest[end..];
        }
    }
    if stack.len() != 1 {
        let open = stack
            .last()
            .map(|e| (e.name.clone(), e.line))
            .unwrap_or_default();
        return Err(XmlError {
            line: open.1,
            message: format!("<{}> is never closed", open.0),
        });
    }
    let document = stack.pop().unwrap_or_default();
    let mut roots = document.elements();
    let Some(root) = roots.next() else {
        return Err(XmlError {
            line: 1,
            message: "there is no element in the file".into(),
        });
    };
    if let Some(second) = roots.next() {
        return Err(XmlError {
            line: second.line,
            message: format!(
                "a second root element <{}>; a file holds one <quiz>",
                second.name
            ),
        });
    }
    Ok(root.clone())
}

fn push_text(stack: &mut [Element], text: &str) {
    if let Some(top) = stack.last_mut() {
        top.nodes.push(Node::Text(text.to_owned()));
    }
}

fn start_tag(tag: &str) -> Result<Element, String> {
    let tag = tag.trim();
    let name_end = tag.find(char::is_whitespace).unwrap_or(tag.len());
    let name = &tag[..name_end];
    if name.is_empty()
        || !name
            .chars()
            .all(|c| c.is_alphanumeric() || "_-.:".contains(c))
    {
        return Err(format!("<{name}> is not an element name"));
    }
    let mut element = Element {
        name: name.to_owned(),
        ..Element::default()
    };
    let mut rest = tag[name_end..].trim_start();
    while !rest.is_empty() {
        let eq = rest
            .find('=')
            .ok_or_else(|| format!("an attribute without a value in <{name}>"))?;
        let attr = rest[..eq].trim().to_owned();
        let value = rest[eq + 1..].trim_start();
        let quote = value
            .chars()
            .next()
            .filter(|c| *c == '"' || *c == '\'')
            .ok_or_else(|| format!("an unquoted attribute value in <{name}>"))?;
        let close = value[1..]
            .find(quote)
            .ok_or_else(|| format!("an attribute value never closed in <{name}>"))?;
        element
            .attrs
            .push((attr, decode(&value[1..=close]).map_err(|(_, m)| m)?));
        rest = value[close + 2..].trim_start();
    }
    Ok(element)
}

/// Text with XML's entities and character references replaced; an error
/// gives the byte offset of the `&` at fault.
fn decode(text: &str) -> Result<String, (usize, String)> {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        let offset = text.len() - rest.len() + at;
        let fail = |message: String| (offset, message);
        let end = rest[at..]
            .find(';')
            .filter(|&e| e <= 12)
            .ok_or_else(|| fail("a bare '&' (write &amp;)".into()))?;
        let entity = &rest[at + 1..at + end];
        let c = match entity {
            "amp" => '&',
            "lt" => '<',
            "gt" => '>',
            "quot" => '"',
            "apos" => '\'',
            _ => {
                let number = entity
                    .strip_prefix("#x")
                    .map(|h| u32::from_str_radix(h, 16))
                    .or_else(|| entity.strip_prefix('#').map(str::parse))
                    .ok_or_else(|| {
                        fail(format!(
                            "the entity &{entity}; is not XML's (write &amp;{entity};)"
                        ))
                    })?
                    .map_err(|_| fail(format!("&{entity}; is not a character number")))?;
                char::from_u32(number)
                    .ok_or_else(|| fail(format!("&{entity}; is not a character")))?
            }
        };
        out.push(c);
        rest = &rest[at + end + 1..];
    }
    out.push_str(rest);
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_elements_text_and_lines() {
        let doc = parse("<?xml version=\"1.0\"?>\n<quiz>\n  <q k='v'><b>1 &lt; 2</b>\n<![CDATA[<i>]]></q>\n</quiz>").unwrap();
        let q = doc.child("q").unwrap();
        assert_eq!((q.line, q.attr("k")), (3, Some("v")));
        assert_eq!(q.child("b").unwrap().text(), "1 < 2");
        assert_eq!(q.text(), "\n<i>");
    }

    #[test]
    fn refuses_what_is_not_well_formed_with_the_line() {
        for (text, line) in [
            ("<a>\n<b></a></b>", 2),
            ("<a>\nx & y</a>", 2),
            ("<a>x</a>\n<b/>", 2),
            ("<a x=1></a>", 1),
            ("<a>&bogus;</a>", 1),
            ("<!DOCTYPE a [<!ENTITY x \"y\">]><a/>", 1),
            ("<a>\n<b>", 2),
            ("", 1),
        ] {
            let err = parse(text).unwrap_err();
            assert_eq!(err.line, line, "{text:?}: {err:?}");
        }
        let deep = format!(
            "{}{}",
            "<a>".repeat(MAX_DEPTH + 2),
            "</a>".repeat(MAX_DEPTH + 2)
        );
        assert!(parse(&deep).unwrap_err().message.contains("nest"));
    }
}
