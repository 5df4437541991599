// 录入即带出: a full ID number (15 or 18 characters) or an 11-digit phone asks the page what the
// registry, or the number itself, knows, and fills the registration form. Without script the
// form still submits and the server looks the number up the same way.
(() => {
    const form = document.querySelector("form[data-lookup-url]");
    if (!form) {
        return;
    }

    const field = name => form.elements.namedItem(name);
    const idNumber = field("Resident.IdNumber");
    const phone = field("Resident.Phone");
    const status = form.querySelector("[data-lookup-status]");
    const note = form.querySelector("[data-lookup-note]");
    const errors = {
        idNumber: form.querySelector('[data-lookup-error="idNumber"]'),
        phone: form.querySelector('[data-lookup-error="phone"]'),
    };
    let asked = "";

    const setOutput = (name, value) => {
        const output = form.querySelector(`[data-fill="${name}"]`);
        if (output) {
            output.textContent = value || "";
        }
    };

    const sexText = sex => form.querySelector(`template[data-sex="${sex}"]`)?.innerHTML || "";

    const fill = answer => {
        status.textContent = answer.summary || "";
        note.hidden = !answer.isKnown;
        if (answer.name) {
            field("Resident.Name").value = answer.name;
        }
        if (answer.registrationPlace) {
            field("Resident.RegistrationPlace").value = answer.registrationPlace;
        }
        setOutput("sex", sexText(answer.sex));
        setOutput("birthDate", answer.birthDate);
        if (answer.isKnown) {
            for (const box of form.querySelectorAll('input[name="Resident.CareTagIds"]')) {
                box.checked = answer.careTagIds.includes(Number(box.value));
            }
        }
    };

    const lookUp = async (param, value) => {
        const question = `${param}=${encodeURIComponent(value)}`;
        if (question === asked) {
            return;
        }
        asked = question;
        errors[param].textContent = "";
        let answer;
        try {
            const response = await fetch(`${form.dataset.lookupUrl}&${question}`, { headers: { Accept: "application/json" }, credentials: "same-origin" });
            answer = await response.json();
        } catch {
            // A weak network: the worker types on, and the server looks the number up on submit.
            asked = "";
            return;
        }
        if (question !== asked) {
            return;
        }
        if (answer.message) {
            errors[param].textContent = answer.message;
            status.textContent = "";
            note.hidden = true;
            return;
        }
        if (answer.found) {
            fill(answer);
        }
    };

    idNumber.addEventListener("input", () => {
        const value = idNumber.value.trim();
        if (value.length === 15 || value.length === 18) {
            lookUp("idNumber", value);
        } else {
            errors.idNumber.textContent = "";
        }
    });
    phone.addEventListener("input", () => {
        const digits = phone.value.replace(/\D/g, "");
        if (digits.length === 11 && idNumber.value.trim() === "") {
            lookUp("phone", digits);
        }
    });
})();
