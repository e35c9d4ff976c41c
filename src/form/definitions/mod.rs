//! The form versions, each a definition compiled into the crate as const data.

mod form_2016;
mod form_2016_fj;
mod form_2019;
mod form_2021;

use super::{FormDef, FormId};

pub fn get(id: FormId) -> &'static FormDef {
    match id {
        FormId::F2016 => &form_2016::FORM,
        FormId::F2019 => &form_2019::FORM,
        FormId::F2021 => &form_2021::FORM,
        FormId::F2016Fj => &form_2016_fj::FORM,
    }
}
